-module(apply_errors).
-export([main/0, pair/2]).
% erlang:apply/3's errors and the top of their stack traces: badarg for its own arguments (an
% improper list, a module that is not an atom), undef for a missing function, a BIF's own
% error
main() ->
    [t(id(apply_errors), id(pair), id([1 | 2])), t(id(1), id(pair), id([])),
     t(id(apply_errors), id(nope), id([1])), t(id(erlang), id('+'), id([1, a])),
     t(id(apply_errors), id(pair), id([1])), t(id(apply_errors), id(pair), id(x))].
t(M, F, A) -> try apply(M, F, A) catch error:R:S -> [{TM, TF, TA, _} | _] = S, {R, TM, TF, TA} end.
pair(A, B) -> {A, B}.
id(X) -> X.
