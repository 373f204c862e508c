-module(exit_top).
-export([main/0]).
% exit/1 leaves the raising function on the top entry of the stack trace
main() ->
    try check(id(7)) catch exit:R:S -> [{M, F, A, _} | _] = S, {R, M, F, A} end.
check(X) -> exit({bad, X}).
id(X) -> X.
