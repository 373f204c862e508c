defmodule :task_start do
  def main do
    parent = self()
    {:ok, pid} = Task.start(fn -> hello(parent) end)
    true = is_pid(pid)

    receive do
      :hello -> {:hello, Process.info(self(), :links)}
    end
  end

  def hello(parent), do: send(parent, :hello)
end
