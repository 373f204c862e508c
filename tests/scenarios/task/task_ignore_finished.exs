defmodule :task_ignore_finished do
  def main do
    t = Task.async(&answer/0)
    ref = Process.monitor(t.pid)
    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end

    Task.ignore(t)
  end

  def answer, do: 42
end
