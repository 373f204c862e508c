defmodule :agent_update do
  def main do
    {:ok, a} = Agent.start_link(fn -> 1 end)
    u1 = Agent.update(a, fn s -> s + 1 end)
    u2 = Agent.update(a, fn s -> s * 10 end, 1000)
    v = Agent.get(a, fn s -> s end)
    Agent.stop(a)
    {u1, u2, v}
  end
end
