defmodule :task_sup_async_crash do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    Task.await(Task.Supervisor.async(sup, &boom/0))
  end

  def boom, do: :erlang.error(:boom)
end
