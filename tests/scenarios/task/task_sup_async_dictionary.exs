defmodule :task_sup_async_dictionary do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    {callers, [first | _]} = Task.await(Task.Supervisor.async_nolink(sup, &dict/0))
    {callers == [self()], first == sup, Process.info(self(), :links)}
  end

  def dict, do: {Process.get(:"$callers"), Process.get(:"$ancestors")}
end
