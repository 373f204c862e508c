defmodule :task_stream_kill_task do
  def main do
    r = Task.async_stream([0, 5000, 10], &sleep_double/1, timeout: 300, on_timeout: :kill_task) |> Enum.to_list()
    {r, Process.info(self(), :messages)}
  end

  def sleep_double(ms) do
    :timer.sleep(ms)
    2 * ms
  end
end
