defmodule :task_sup_start_child do
  def main do
    {:ok, sup} = Task.Supervisor.start_link()
    parent = self()
    {:ok, _} = Task.Supervisor.start_child(sup, fn -> hello(parent) end)

    receive do
      :hello -> {:hello, Process.info(self(), :links)}
    end
  end

  def hello(parent), do: send(parent, :hello)
end
