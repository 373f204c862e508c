-module(apply_fun_info).
-export([main/0]).
% erlang:fun_info/1,2 of an export fun and of a closure; an unknown item is badarg;
% erlang:fun_info_mfa/1 (proc_lib's)
main() ->
    F = make(id(5)),
    {erlang:fun_info(fun lists:reverse/1),
     [erlang:fun_info(F, K) || K <- [module, name, arity, env, type]],
     is_pid(element(2, erlang:fun_info(F, pid))),
     is_integer(element(2, erlang:fun_info(F, index))),
     try erlang:fun_info(F, id(foo)) catch error:R -> R end,
     erlang:fun_info_mfa(F)}.
make(N) -> fun(A, B) -> {A, B, N} end.
id(X) -> X.
