defmodule :task_nested_callers do
  def main do
    {outer, inner_callers} = Task.await(Task.async(&outer/0))
    inner_callers == [outer, self()]
  end

  def outer, do: {self(), Task.await(Task.async(&inner/0))}
  def inner, do: Process.get(:"$callers")
end
