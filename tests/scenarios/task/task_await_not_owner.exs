defmodule :task_await_not_owner do
  def main do
    t = Task.async(&answer/0)
    parent = self()
    spawn(fn -> other(t, parent) end)

    class =
      receive do
        {:other, c} -> c
      end

    {class, Task.await(t)}
  end

  def other(t, parent) do
    c =
      try do
        Task.await(t, 100)
        :returned
      catch
        c, _ -> c
      end

    send(parent, {:other, c})
  end

  def answer, do: 42
end
