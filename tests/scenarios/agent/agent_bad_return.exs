defmodule :agent_bad_return do
  def main do
    {:ok, a} = Agent.start(fn -> 3 end)

    r =
      try do
        Agent.get_and_update(a, fn s -> s end)
      catch
        :exit, {reason, {_, :call, _}} -> reason
      end

    {r, Process.alive?(a)}
  end
end
