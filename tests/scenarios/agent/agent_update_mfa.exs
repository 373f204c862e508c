defmodule :agent_update_mfa do
  def main do
    {:ok, a} = Agent.start_link(fn -> [1] end)
    u1 = Agent.update(a, :lists, :append, [[2]])
    u2 = Agent.update(a, :lists, :reverse, [], 1000)
    v = Agent.get(a, fn s -> s end)
    Agent.stop(a)
    {u1, u2, v}
  end
end
