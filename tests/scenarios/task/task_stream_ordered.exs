defmodule :task_stream_ordered do
  def main, do: Task.async_stream([80, 0, 40, 10], &sleep_double/1, []) |> Enum.to_list()

  def sleep_double(ms) do
    :timer.sleep(ms)
    2 * ms
  end
end
