defmodule :task_sup_async_stream do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    r = Task.Supervisor.async_stream(sup, [1, 2, 3], :task_sup_async_stream, :mul, [3], ordered: true) |> Enum.to_list()
    [{:ok, first}] = Task.Supervisor.async_stream(sup, [:x], &ancestor/1, []) |> Enum.to_list()
    {r, first == sup}
  end

  def mul(x, k), do: x * k
  def ancestor(_), do: hd(Process.get(:"$ancestors"))
end
