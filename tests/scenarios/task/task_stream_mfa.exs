defmodule :task_stream_mfa do
  def main, do: Task.async_stream([1, 2, 3], :task_stream_mfa, :mul, [10], []) |> Enum.to_list()
  def mul(x, k), do: x * k
end
