-module(stacktrace_top).
-export([main/0]).
-compile(nowarn_unused_vars).
% the top entry of a stack trace: the failing BIF with its arguments, or the raising function
main() ->
    A = try element(id(4), id({a, b, c})) catch error:badarg:S1 -> top(S1) end,
    B = try thrower(id(x)) catch throw:x:S2 -> top(S2) end,
    C = try pick(id(z)) catch error:function_clause:S3 -> top(S3) end,
    {A, B, C}.
top([{M, F, ArgsOrArity, Loc} | _]) when is_list(Loc) -> {M, F, ArgsOrArity}.
thrower(X) -> throw(X), never.
pick(a) -> 1.
id(X) -> X.
