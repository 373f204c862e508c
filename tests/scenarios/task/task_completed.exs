defmodule :task_completed do
  def main do
    t = Task.completed(42)
    {Task.await(t), t.pid}
  end
end
