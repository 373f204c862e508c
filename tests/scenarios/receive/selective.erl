-module(selective).
-export([main/0]).
% a receive takes the first message that matches and leaves the others in order
main() ->
    self() ! {data, 1}, self() ! stop, self() ! {data, 2}, self() ! {prio, x},
    P = receive {prio, X} -> X end,
    D = receive {data, N} -> N end,
    Rest = drain([]),
    {P, D, Rest}.
drain(Acc) -> receive M -> drain([M | Acc]) after 0 -> lists:reverse(Acc) end.
