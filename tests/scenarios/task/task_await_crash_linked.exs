defmodule :task_await_crash_linked do
  def main, do: Task.await(Task.async(&boom/0))
  def boom, do: :erlang.error(:boom)
end
