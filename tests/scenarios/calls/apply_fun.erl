-module(apply_fun).
-export([main/0, add/2]).
% erlang:apply/2: a closure, an export fun, and the errors: {badfun, F}, {badarity, {F, Args}}
% (raised in the caller: erlang:apply is not in the trace) and badarg for an improper list;
% apply(erlang, apply, [Fun, Args]) too
main() ->
    F = make(id(10)),
    [apply(F, id([1, 2])), t(id(notfun), id([])), t(F, id([1])), t(F, id([1 | 2])),
     apply(fun apply_fun:add/2, id([3, 4])),
     apply(erlang, apply, id([fun apply_fun:add/2, [1, 2]]))].
make(N) -> fun(A, B) -> A + B + N end.
t(F, A) -> try apply(F, A) catch error:R:S -> [{TM, TF, TA, _} | _] = S, {R, TM, TF, TA} end.
add(A, B) -> A + B.
id(X) -> X.
