-module(is_function_dynamic).
-export([main/0]).
% is_function(F, N) with N known only at run time
main() ->
    Fs = id([fun() -> 0 end, fun(_) -> 1 end, fun(_, _) -> 2 end, fun erlang:max/2, not_a_fun]),
    [[N || N <- [0, 1, 2], is_function(F, N)] || F <- Fs].
id(X) -> X.
