defmodule :task_shutdown_crashed do
  def main do
    Process.flag(:trap_exit, true)
    t = Task.async(&boom/0)
    ref = Process.monitor(t.pid)
    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end

    Task.shutdown(t, :brutal_kill)
  end

  def boom, do: :erlang.error(:boom)
end
