defmodule :task_await_many_crash do
  def main do
    Process.flag(:trap_exit, true)
    Task.await_many([Task.async(fn -> sleep_ret(5000, :a) end), Task.async(&boom/0)])
  end

  def sleep_ret(ms, v) do
    :timer.sleep(ms)
    v
  end

  def boom, do: :erlang.error(:boom)
end
