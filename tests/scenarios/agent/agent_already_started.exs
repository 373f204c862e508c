defmodule :agent_already_started do
  def main do
    {:ok, a} = Agent.start_link(fn -> 1 end, name: :only_one)
    {:error, {:already_started, p}} = Agent.start_link(fn -> 2 end, name: :only_one)
    v = Agent.get(:only_one, fn s -> s end)
    Agent.stop(a)
    {:error, :already_started, p === a, v}
  end
end
