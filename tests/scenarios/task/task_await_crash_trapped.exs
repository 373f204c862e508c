defmodule :task_await_crash_trapped do
  def main do
    Process.flag(:trap_exit, true)
    Task.await(Task.async(&boom/0))
  end

  def boom, do: :erlang.error(:boom)
end
