defmodule :task_stream_unordered do
  def main do
    Task.async_stream([200, 0, 100], &sleep_double/1, ordered: false, max_concurrency: 3)
    |> Enum.to_list()
  end

  def sleep_double(ms) do
    :timer.sleep(ms)
    2 * ms
  end
end
