defmodule :agent_start_error do
  def main do
    {:error, {reason, _stack}} = Agent.start(fn -> :erlang.error(:boom) end, name: :failed)
    {:error, reason, is_pid(Process.whereis(:failed))}
  end
end
