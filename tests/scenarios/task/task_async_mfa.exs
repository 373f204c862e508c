defmodule :task_async_mfa do
  def main do
    t = Task.async(:lists, :sum, [[1, 2, 3]])
    %{mfa: mfa} = t
    {Task.await(t), mfa}
  end
end
