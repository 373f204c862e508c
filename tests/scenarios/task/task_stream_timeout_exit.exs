defmodule :task_stream_timeout_exit do
  def main, do: Task.async_stream([0, 5000], &sleep_double/1, timeout: 50) |> Enum.to_list()

  def sleep_double(ms) do
    :timer.sleep(ms)
    2 * ms
  end
end
