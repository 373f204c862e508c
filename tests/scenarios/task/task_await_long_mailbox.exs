defmodule :task_await_long_mailbox do
  def main do
    for n <- 1..1000, do: send(self(), {:junk, n})
    r = Task.await(Task.async(&answer/0))
    {:messages, ms} = Process.info(self(), :messages)
    {r, elem(List.last(ms), 1), {:messages, length(ms)}}
  end

  def answer, do: 42
end
