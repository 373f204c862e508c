defmodule :task_await_timeout do
  def main, do: Task.await(Task.async(&slow/0), 50)
  def slow, do: :timer.sleep(5000)
end
