defmodule :task_yield_many do
  def main do
    Process.flag(:trap_exit, true)

    Task.yield_many(
      [Task.async(fn -> sleep_ret(0, 1) end), Task.async(fn -> sleep_ret(5000, 2) end), Task.async(&boom/0)],
      500
    )
  end

  def sleep_ret(ms, v) do
    :timer.sleep(ms)
    v
  end

  def boom, do: :erlang.error(:boom)
end
