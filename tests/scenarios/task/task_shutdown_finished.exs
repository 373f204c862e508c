defmodule :task_shutdown_finished do
  def main do
    t = Task.async(&answer/0)
    ref = Process.monitor(t.pid)
    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end

    r = Task.shutdown(t)
    {r, Process.info(self(), :messages)}
  end

  def answer, do: 42
end
