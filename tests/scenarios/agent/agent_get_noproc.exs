defmodule :agent_get_noproc do
  def main do
    {:ok, a} = Agent.start(fn -> 0 end)
    :ok = Agent.stop(a)

    try do
      Agent.get(a, fn s -> s end)
    catch
      :exit, {reason, {_, :call, _}} -> reason
    end
  end
end
