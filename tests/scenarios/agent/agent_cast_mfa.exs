defmodule :agent_cast_mfa do
  def main do
    {:ok, _} = Agent.start_link(fn -> [:y] end, name: :cast_agent)
    c = Agent.cast(:cast_agent, :lists, :append, [[:z]])
    v = Agent.get(:cast_agent, fn s -> s end)
    Agent.stop(:cast_agent)
    {c, v}
  end
end
