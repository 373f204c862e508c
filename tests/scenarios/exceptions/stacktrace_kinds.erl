-module(stacktrace_kinds).
-export([main/0]).
% the top of the stack trace for a failed match, and an undefined function
main() -> [top(fun match/1), top(fun undefined/1)].
top(F) -> try F(id(a)) catch error:_:S -> [{M, N, A, _} | _] = S, {M, N, A} end.
match(X) -> {ok, _} = X.
undefined(X) -> M = id(no_such_mod), M:f(X).
id(X) -> X.
