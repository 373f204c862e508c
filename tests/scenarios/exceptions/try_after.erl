-module(try_after).
-export([main/0]).
% an after section runs both when the body returns and when it raises
main() ->
    A = guarded(id(1)),
    B = catch guarded(id(0)),
    {A, B}.
guarded(N) ->
    try 10 div N
    after io:format("after ~p~n", [N])
    end.
id(X) -> X.
