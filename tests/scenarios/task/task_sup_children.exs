defmodule :task_sup_children do
  def main do
    {:ok, sup} = Task.Supervisor.start_link(name: :task_sup_children_sup)
    {:ok, a} = Task.Supervisor.start_child(:task_sup_children_sup, &slow/0)
    {:ok, b} = Task.Supervisor.start_child(sup, :task_sup_children, :slow, [])
    both = Enum.sort(Task.Supervisor.children(sup)) == Enum.sort([a, b])
    ma = Process.monitor(a)
    :ok = Task.Supervisor.terminate_child(sup, a)
    :ok = Task.Supervisor.terminate_child(sup, b)

    reason =
      receive do
        {:DOWN, ^ma, _, _, r} -> r
      end

    {both, Task.Supervisor.children(sup), Task.Supervisor.terminate_child(sup, self()), reason}
  end

  def slow, do: :timer.sleep(5000)
end
