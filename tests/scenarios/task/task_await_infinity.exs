defmodule :task_await_infinity do
  def main do
    [Task.await(Task.async(&slowish/0), :infinity), hd(Task.await_many([Task.async(&slowish/0)], :infinity))]
  end

  def slowish do
    :timer.sleep(50)
    :done
  end
end
