defmodule :task_sup_async do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    [first | _] = Task.await(Task.Supervisor.async(sup, &ancestors/0))
    {Task.await(Task.Supervisor.async(sup, &answer/0)), first == sup, Process.info(self(), :links)}
  end

  def ancestors, do: Process.get(:"$ancestors")
  def answer, do: 42
end
