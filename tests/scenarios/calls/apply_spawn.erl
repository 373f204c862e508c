-module(apply_spawn).
-export([main/0, reply/12]).
% spawn(erlang, apply, [M, F, Args]): the new process's first call is erlang:apply/3, which
% calls M:F with the list's eleven elements as its arguments
main() ->
    spawn(erlang, apply, [apply_spawn, reply, [self(), a, b, c, d, e, f, g, h, i, j, k]]),
    receive M -> M end.
reply(To, A, B, C, D, E, F, G, H, I, J, K) -> To ! {hi, [A, B, C, D, E, F, G, H, I, J, K]}.
