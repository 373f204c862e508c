defmodule :agent_start_named_mfa do
  def main do
    {:ok, a} = Agent.start(:agent_start_named_mfa, :init, [5], name: :counter)
    v = Agent.get(:counter, fn s -> s end)
    same = Process.whereis(:counter) === a
    :ok = Agent.stop(:counter, :normal)
    {v, same, :erlang.whereis(:counter)}
  end

  def init(n), do: n * 2
end
