-module(token_ring).
-export([main/0, relay/1]).
% a ring of 50 processes passes a counter around 20 times; each hop adds one
main() ->
    First = ring(50, self()),
    First ! 0,
    lap(First, 20).
ring(0, Next) -> Next;
ring(N, Next) -> ring(N - 1, spawn(token_ring, relay, [Next])).
relay(Next) -> receive T -> Next ! T + 1, relay(Next) end.
lap(_, 0) -> receive T -> T end;
lap(First, Laps) when Laps > 1 -> receive T -> First ! T, lap(First, Laps - 1) end;
lap(_, 1) -> receive T -> T end.
