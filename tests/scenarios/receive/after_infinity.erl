-module(after_infinity).
-export([main/0, late/1]).
% after infinity waits as long as it takes
main() ->
    spawn(after_infinity, late, [self()]),
    receive {late, X} -> X after infinity -> never end.
late(P) -> receive after 30 -> P ! {late, arrived} end.
