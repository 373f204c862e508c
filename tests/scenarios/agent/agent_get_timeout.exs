defmodule :agent_get_timeout do
  def main do
    {:ok, a} = Agent.start(fn -> 0 end)

    r =
      try do
        Agent.get(a, fn s -> Process.sleep(300); s end, 50)
      catch
        :exit, {reason, {_, :call, _}} -> reason
      end

    v = Agent.get(a, fn s -> s end)
    Agent.stop(a)
    {r, v}
  end
end
