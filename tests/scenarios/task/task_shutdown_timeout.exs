defmodule :task_shutdown_timeout do
  def main do
    r = Task.shutdown(Task.async(&slow/0))
    {r, Process.info(self(), :messages)}
  end

  def slow, do: :timer.sleep(5000)
end
