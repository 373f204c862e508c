defmodule :task_shutdown_reply_race do
  def main do
    parent = self()
    t = Task.async(fn -> finish_on_shutdown(parent) end)

    receive do
      :trapping -> :ok
    end

    Task.shutdown(t, 1000)
  end

  def finish_on_shutdown(parent) do
    Process.flag(:trap_exit, true)
    send(parent, :trapping)

    receive do
      {:EXIT, _, :shutdown} -> :late
    end
  end
end
