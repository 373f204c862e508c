-module(error_args).
-export([main/0]).
% erlang:error/2 puts the given arguments in the top entry of the stack trace
main() ->
    try check(id(7)) catch error:R:S -> [{M, F, A, _} | _] = S, {R, M, F, A} end.
check(X) -> erlang:error({bad, X}, [X, extra]).
id(X) -> X.
