defmodule :task_stream_bad_option do
  def main, do: {catch_class(max_concurrency: 0), catch_class(max_concurrency: :many)}

  def catch_class(opts) do
    try do
      Task.async_stream([1], &id/1, opts) |> Enum.to_list()
      :ok
    catch
      c, _ -> c
    end
  end

  def id(x), do: x
end
