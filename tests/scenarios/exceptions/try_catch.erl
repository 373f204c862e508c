-module(try_catch).
-export([main/0]).
main() ->
    guarded_throw(ball),
    guarded_case(3),
    done.
guarded_throw(X) ->
    try throw(X) catch C:R -> io:format("caught ~p:~p~n", [C, R]) end.
guarded_case(X) ->
    try case X of 1 -> one end catch C:R -> io:format("caught ~p:~p~n", [C, R]) end.
