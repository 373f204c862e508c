defmodule :agent_cast do
  def main do
    {:ok, a} = Agent.start_link(fn -> 0 end)
    c = Agent.cast(a, fn s -> s + 5 end)
    v = Agent.get(a, fn s -> s end)
    Agent.stop(a)
    {c, v}
  end
end
