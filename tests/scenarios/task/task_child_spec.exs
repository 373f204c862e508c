defmodule :task_child_spec do
  def main do
    parent = self()
    spec = Task.child_spec(fn -> hello(parent) end)
    {:ok, sup} = :supervisor.start_link(:task_child_spec, spec)

    receive do
      {:hello, first} -> {spec.restart, elem(spec.start, 1), first == sup}
    end
  end

  def init(spec), do: {:ok, {%{strategy: :one_for_one}, [spec]}}

  def hello(parent) do
    [first | _] = Process.get(:"$ancestors")
    send(parent, {:hello, first})
  end
end
