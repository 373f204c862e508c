defmodule :task_start_mfa do
  def main do
    {:ok, _} = Task.start(:erlang, :send, [self(), :hi])

    receive do
      :hi -> :hi
    end
  end
end
