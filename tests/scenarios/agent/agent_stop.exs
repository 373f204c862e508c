defmodule :agent_stop do
  def main do
    {:ok, a} = Agent.start(fn -> 0 end)
    ref = Process.monitor(a)
    s = Agent.stop(a)
    receive do
      {:DOWN, ^ref, :process, ^a, r} -> {s, r, Process.alive?(a)}
    end
  end
end
