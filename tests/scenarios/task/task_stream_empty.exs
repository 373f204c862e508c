defmodule :task_stream_empty do
  def main, do: Task.async_stream([], &id/1, max_concurrency: 1) |> Enum.to_list()
  def id(x), do: x
end
