defmodule :task_shutdown_killed do
  def main do
    parent = self()
    t = Task.async(fn -> stubborn(parent) end)
    receive do
      :trapping -> :ok
    end

    Task.shutdown(t, 50)
  end

  def stubborn(parent) do
    Process.flag(:trap_exit, true)
    send(parent, :trapping)
    :timer.sleep(5000)
  end
end
