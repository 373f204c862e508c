defmodule :agent_stop_reason do
  def main do
    Process.flag(:trap_exit, true)
    {:ok, a} = Agent.start_link(fn -> 0 end)
    s = Agent.stop(a, :shutdown, 1000)
    receive do
      {:EXIT, ^a, r} -> {s, r}
    end
  end
end
