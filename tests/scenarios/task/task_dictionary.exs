defmodule :task_dictionary do
  def main do
    {callers, ancestors, initial} = Task.await(Task.async(:task_dictionary, :dict, [:x]))
    {callers == [self()], ancestors == [self()], initial}
  end

  def dict(_) do
    {Process.get(:"$callers"), Process.get(:"$ancestors"), Process.get(:"$initial_call")}
  end
end
