defmodule :agent_start_link_get do
  def main do
    {:ok, a} = Agent.start_link(fn -> 42 end)
    r1 = Agent.get(a, fn s -> s + 1 end)
    r2 = Agent.get(a, fn s -> s end)
    :ok = Agent.stop(a)
    {r1, r2}
  end
end
