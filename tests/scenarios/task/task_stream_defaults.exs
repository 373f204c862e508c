defmodule :task_stream_defaults do
  def main do
    {Task.async_stream([1, 2], &double/1) |> Enum.to_list(),
     Task.async_stream([1, 2], :task_stream_defaults, :add, [10]) |> Enum.to_list()}
  end

  def double(x), do: x * 2
  def add(x, k), do: x + k
end
