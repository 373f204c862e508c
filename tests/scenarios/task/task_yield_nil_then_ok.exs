defmodule :task_yield_nil_then_ok do
  def main do
    t = Task.async(&slowish/0)
    :io.format('~p~n', [Task.yield(t, 10)])
    Task.yield(t, 5000)
  end

  def slowish do
    :timer.sleep(200)
    :done
  end
end
