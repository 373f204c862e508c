defmodule :agent_named do
  def main do
    {:ok, a} = Agent.start_link(fn -> 7 end, name: :my_agent)
    same = Process.whereis(:my_agent) === a
    v = Agent.get(:my_agent, fn s -> s end)
    :ok = Agent.update(:my_agent, fn s -> s + 1 end)
    w = Agent.get(a, fn s -> s end, 1000)
    :ok = Agent.stop(:my_agent)
    {same, v, w}
  end
end
