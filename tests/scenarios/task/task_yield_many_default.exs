defmodule :task_yield_many_default do
  def main do
    Task.yield_many([Task.async(:task_yield_many_default, :id, [1]), Task.async(:task_yield_many_default, :id, [2])])
  end

  def id(x), do: x
end
