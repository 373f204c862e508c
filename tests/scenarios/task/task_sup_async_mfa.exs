defmodule :task_sup_async_mfa do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    t = Task.Supervisor.async(sup, :lists, :sum, [[1, 2, 3]])
    {Task.await(t), t.mfa}
  end
end
