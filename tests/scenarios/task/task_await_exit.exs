defmodule :task_await_exit do
  def main do
    Process.flag(:trap_exit, true)
    Task.await(Task.async(&quit/0))
  end

  def quit, do: exit(:custom)
end
