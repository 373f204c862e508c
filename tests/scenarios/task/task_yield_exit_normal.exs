defmodule :task_yield_exit_normal do
  def main, do: Task.yield(Task.async(&quit/0))
  def quit, do: exit(:normal)
end
