-module(misc_bifs).
-export([main/0]).
% small BIFs: send returns the message, references are unique, node(), size/1, max/min of terms
main() ->
    M = erlang:send(self(), {hello, 1}),
    Got = receive X -> X end,
    R1 = make_ref(), R2 = make_ref(),
    {M, Got, R1 =:= R2, R1 == R1, is_reference(R1), node(), size({a, b}), size(<<1, 2, 3>>),
     max({a}, [a]), min("abc", abc), is_process_alive(self())}.
