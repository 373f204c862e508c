defmodule :agent_mfa_many_args do
  def main do
    {:ok, a} = Agent.start_link(fn -> 1 end)
    r = Agent.get(a, :agent_mfa_many_args, :sum10, [2, 3, 4, 5, 6, 7, 8, 9, 10])
    Agent.stop(a)
    r
  end

  def sum10(a, b, c, d, e, f, g, h, i, j), do: a + b + c + d + e + f + g + h + i + j
end
