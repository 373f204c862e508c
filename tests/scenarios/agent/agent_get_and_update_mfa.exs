defmodule :agent_get_and_update_mfa do
  def main do
    {:ok, a} = Agent.start_link(fn -> [:a, :b, :c] end)
    r1 = Agent.get_and_update(a, :agent_get_and_update_mfa, :pop, [])
    r2 = Agent.get_and_update(a, :agent_get_and_update_mfa, :take, [2], 1000)
    v = Agent.get(a, fn s -> s end)
    Agent.stop(a)
    {r1, r2, v}
  end

  def pop([h | t]), do: {h, t}
  def take(s, n), do: :lists.split(n, s)
end
