defmodule :task_await_many do
  def main do
    Task.await_many([
      Task.async(fn -> sleep_ret(60, :a) end),
      Task.async(fn -> sleep_ret(0, :b) end),
      Task.async(fn -> sleep_ret(30, :c) end)
    ])
  end

  def sleep_ret(ms, v) do
    :timer.sleep(ms)
    v
  end
end
