defmodule :agent_get_and_update do
  def main do
    {:ok, a} = Agent.start_link(fn -> 5 end)
    r1 = Agent.get_and_update(a, fn s -> {s, s * 2} end)
    r2 = Agent.get_and_update(a, fn s -> {s + 1, 0} end, 1000)
    v = Agent.get(a, fn s -> s end)
    Agent.stop(a)
    {r1, r2, v}
  end
end
