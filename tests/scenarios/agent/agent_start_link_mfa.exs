defmodule :agent_start_link_mfa do
  def main do
    {:ok, a} = Agent.start_link(:lists, :seq, [1, 3])
    l = Agent.get(a, fn s -> s end)
    sum = Agent.get(a, :lists, :sum, [])
    plus = Agent.get(a, :agent_start_link_mfa, :add, [10], 1000)
    Agent.stop(a)
    {l, sum, plus}
  end

  def add(state, n), do: :lists.sum(state) + n
end
