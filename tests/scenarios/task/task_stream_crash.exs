defmodule :task_stream_crash do
  def main do
    Process.flag(:trap_exit, true)
    Task.async_stream([1, 2, 3], &not_two/1, []) |> Enum.to_list()
  end

  def not_two(2), do: :erlang.error({:badmatch, 2})
  def not_two(x), do: x
end
