defmodule :task_start_link_crash do
  def main do
    {:ok, _} = Task.start_link(:erlang, :error, [:boom])
    :timer.sleep(5000)
  end
end
