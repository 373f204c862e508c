-module(error_top).
-export([main/0]).
% erlang:error/1 leaves the raising function on the top entry of the stack trace
main() ->
    try check(id(7)) catch error:R:S -> [{M, F, A, _} | _] = S, {R, M, F, A} end.
check(X) -> erlang:error({bad, X}).
id(X) -> X.
