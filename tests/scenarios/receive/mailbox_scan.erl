-module(mailbox_scan).
-export([main/0]).
% a receive that matches only the last of 2,001 queued messages, then the rest in order
main() ->
    [self() ! {n, I} || I <- lists:seq(1, 2000)],
    self() ! marker,
    receive marker -> ok end,
    L = drain([]),
    {length(L), hd(L), lists:last(L), L =:= lists:seq(1, 2000)}.
drain(Acc) -> receive {n, I} -> drain([I | Acc]) after 0 -> lists:reverse(Acc) end.
