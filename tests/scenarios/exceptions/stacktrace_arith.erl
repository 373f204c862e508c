-module(stacktrace_arith).
-export([main/0]).
% an arithmetic error in a body is reported at the function, not at erlang:'+'/2
main() -> top(fun arith/1).
top(F) -> try F(id(a)) catch error:_:S -> [{M, N, A, _} | _] = S, {M, N, A} end.
arith(X) -> X + 1.
id(X) -> X.
