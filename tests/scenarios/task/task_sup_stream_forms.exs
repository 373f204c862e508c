defmodule :task_sup_stream_forms do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    parent = self()
    {:ok, _} = Task.Supervisor.start_child(sup, fn -> hello(parent) end, [])

    hello =
      receive do
        :hello -> :ok
      end

    {hello, Task.Supervisor.async_stream(sup, [1], &double/1) |> Enum.to_list(),
     Task.Supervisor.async_stream(sup, [1], :task_sup_stream_forms, :add, [10]) |> Enum.to_list(),
     Task.Supervisor.async_stream_nolink(sup, [2], :task_sup_stream_forms, :add, [10]) |> Enum.to_list(),
     Task.Supervisor.async_stream_nolink(sup, [2], &double/1, max_concurrency: 1) |> Enum.to_list(),
     Task.Supervisor.async_stream_nolink(sup, [3], :task_sup_stream_forms, :add, [10], []) |> Enum.to_list()}
  end

  def double(x), do: x * 2
  def add(x, k), do: x + k
  def hello(parent), do: send(parent, :hello)
end
