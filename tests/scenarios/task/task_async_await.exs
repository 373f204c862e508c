defmodule :task_async_await do
  def main do
    t = Task.async(fn -> answer() end)
    :io.format('~p~n', [Task.await(t)])
    %{mfa: mfa} = t
    {:ok, mfa}
  end

  def answer, do: 6 * 7
end
