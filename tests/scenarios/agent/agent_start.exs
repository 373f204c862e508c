defmodule :agent_start do
  def main do
    {:ok, a} = Agent.start(fn -> [] end)
    {:links, l} = Process.info(self(), :links)
    :ok = Agent.update(a, fn s -> [:x | s] end, 1000)
    v = Agent.get(a, fn s -> s end)
    :ok = Agent.stop(a)
    {l, v}
  end
end
