defmodule :task_sup_async_stream_nolink do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    r = Task.Supervisor.async_stream_nolink(sup, [1, 2, 3], &not_two/1) |> Enum.to_list()
    {r, Process.info(self(), :links)}
  end

  def not_two(2), do: :erlang.error({:badmatch, 2})
  def not_two(x), do: x
end
