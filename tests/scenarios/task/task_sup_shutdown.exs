defmodule :task_sup_shutdown do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    t = Task.Supervisor.async_nolink(sup, &slow/0)
    r = Task.shutdown(t, :brutal_kill)
    {r, Task.Supervisor.children(sup)}
  end

  def slow, do: :timer.sleep(5000)
end
