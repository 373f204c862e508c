defmodule :task_sup_async_nolink_reply do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    %{ref: ref} = Task.Supervisor.async_nolink(sup, :lists, :max, [[4, 42, 7]])

    receive do
      {r, result} when is_reference(r) ->
        Process.demonitor(r, [:flush])
        {r == ref, result}
    end
  end
end
