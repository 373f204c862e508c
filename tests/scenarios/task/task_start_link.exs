defmodule :task_start_link do
  def main do
    parent = self()
    {:ok, pid} = Task.start_link(fn -> wait_go(parent) end)
    linked = Process.info(self(), :links) == {:links, [pid]}
    send(pid, :go)

    receive do
      :done -> {linked, :done}
    end
  end

  def wait_go(parent) do
    receive do
      :go -> send(parent, :done)
    end
  end
end
