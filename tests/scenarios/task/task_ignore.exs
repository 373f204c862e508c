defmodule :task_ignore do
  def main do
    t = Task.async(&boom_on_go/0)
    r = Task.ignore(t)
    links = Process.info(self(), :links)
    ref = Process.monitor(t.pid)
    send(t.pid, :go)
    receive do
      {:DOWN, ^ref, _, _, reason} -> {r, links, reason}
    end
  end

  def boom_on_go do
    receive do
      :go -> :erlang.error(:boom)
    end
  end
end
