defmodule :task_yield_exit do
  def main do
    Process.flag(:trap_exit, true)
    Task.yield(Task.async(&boom/0), 5000)
  end

  def boom, do: :erlang.error(:boom)
end
