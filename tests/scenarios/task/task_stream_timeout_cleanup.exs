defmodule :task_stream_timeout_cleanup do
  def main do
    parent = self()
    {_, ref} = spawn_monitor(fn -> stream(parent) end)

    t =
      receive do
        {:watch, t} -> t
      end

    m = Process.monitor(t)
    send(t, :watching)
    task = down(m)
    {down(ref), task}
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, _, _, r} -> r
    end
  end

  def stream(parent), do: Task.async_stream([parent], &watched_sleep/1, timeout: 50) |> Enum.to_list()

  def watched_sleep(parent) do
    send(parent, {:watch, self()})

    receive do
      :watching -> :timer.sleep(5000)
    end
  end
end
