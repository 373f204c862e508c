-module(reraise).
-export([main/0]).
% a handler that logs and re-raises with erlang:raise/3: the class and reason are kept
main() ->
    try error({oops, 1})
    catch C:R:S ->
        io:format("cleanup after ~p~n", [C]),
        erlang:raise(C, R, S)
    end.
