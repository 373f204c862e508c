defmodule :task_sup_async_nolink do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    %{ref: ref, pid: pid} = Task.Supervisor.async_nolink(sup, &boom/0)

    down =
      receive do
        {:DOWN, r, :process, p, reason} -> {:DOWN, r == ref, :process, p == pid, reason}
      end

    t = Task.Supervisor.async_nolink(sup, &answer/0)
    {down, Process.info(self(), :links), Task.yield(t)}
  end

  def boom, do: :erlang.error(:boom)
  def answer, do: 42
end
