defmodule :task_yield_ok do
  def main, do: Task.yield(Task.async(&answer/0))
  def answer, do: 42
end
