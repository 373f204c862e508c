defmodule :task_await_throw do
  def main do
    Process.flag(:trap_exit, true)
    Task.await(Task.async(&oops/0))
  end

  def oops, do: throw(:oops)
end
