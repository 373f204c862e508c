defmodule :agent_get_crash do
  def main do
    {:ok, a} = Agent.start(fn -> 0 end)

    r =
      try do
        Agent.get(a, fn _ -> :erlang.error(:oops) end)
      catch
        :exit, {{reason, _stack}, {_, :call, _}} -> reason
      end

    {r, Process.alive?(a)}
  end
end
