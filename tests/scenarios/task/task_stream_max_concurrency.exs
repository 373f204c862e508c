defmodule :task_stream_max_concurrency do
  def main do
    c = spawn(fn -> counter(0, 0) end)
    r = Task.async_stream([1, 2, 3, 4, 5, 6], fn x -> work(x, c) end, max_concurrency: 2) |> Enum.to_list()
    send(c, {:max, self()})

    receive do
      {:max, m} -> {r, m}
    end
  end

  def work(x, c) do
    send(c, :start)
    :timer.sleep(50)
    send(c, :stop)
    x
  end

  def counter(now, max) do
    receive do
      :start -> counter(now + 1, max(now + 1, max))
      :stop -> counter(now - 1, max)
      {:max, from} -> send(from, {:max, max})
    end
  end
end
