defmodule :task_shutdown_brutal_kill do
  def main do
    t = Task.async(&slow/0)
    %{pid: p} = t
    r = Task.shutdown(t, :brutal_kill)
    {r, Process.alive?(p), Process.info(self(), :messages), Process.info(self(), :links)}
  end

  def slow, do: :timer.sleep(5000)
end
