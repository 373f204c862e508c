-module(ref_reply).
-export([main/0, server/0]).
% a request/reply with a fresh reference: older messages in the mailbox are never looked at
main() ->
    S = spawn(ref_reply, server, []),
    self() ! {old, 1}, self() ! {old, 2},
    Ref = make_ref(),
    S ! {req, self(), Ref, 21},
    R = receive {Ref, V} -> V end,
    Old = receive {old, N} -> N end,
    {R, Old}.
server() -> receive {req, From, Ref, X} -> From ! {Ref, X * 2} end.
