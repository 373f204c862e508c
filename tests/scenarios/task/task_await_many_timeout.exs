defmodule :task_await_many_timeout do
  def main do
    Task.await_many([Task.async(fn -> sleep_ret(0, :a) end), Task.async(fn -> sleep_ret(5000, :b) end)], 50)
  end

  def sleep_ret(ms, v) do
    :timer.sleep(ms)
    v
  end
end
