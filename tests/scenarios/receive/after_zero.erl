-module(after_zero).
-export([main/0]).
% after 0 polls: it times out at once on an empty mailbox, and when nothing matches
main() ->
    A = poll(),
    self() ! other,
    B = receive wanted -> got after 0 -> nothing_matched end,
    C = poll(),
    {A, B, C}.
poll() -> receive M -> {got, M} after 0 -> empty end.
