defmodule :agent_global_name do
  def main do
    {:ok, a} = Agent.start_link(fn -> 3 end, name: {:global, :g_agent})
    v = Agent.get({:global, :g_agent}, fn s -> s end)
    :ok = Agent.update({:via, :global, :g_agent}, fn s -> s + 1 end)
    w = Agent.get(a, fn s -> s end)
    same = :global.whereis_name(:g_agent) === a
    {v, w, same, Agent.stop({:global, :g_agent})}
  end
end
