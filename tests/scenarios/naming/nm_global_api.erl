-module(nm_global_api).
-export([main/0, sleeper/0]).

%% module global: register_name/2 (yes | no: a name holds one live process, a process one name),
%% whereis_name/1, send/2, unregister_name/1, registered_names/0; a dead process's name is free
main() ->
    Self = self(),
    A = global:register_name({a, 1}, Self),
    B = global:register_name({a, 1}, Self),
    S = spawn(nm_global_api, sleeper, []),
    C = global:register_name({a, 1}, S),
    D = global:register_name({b, 2}, S),
    E = global:whereis_name({a, 1}) =:= Self,
    F = global:registered_names(),
    G = global:send({a, 1}, hello) =:= Self,
    H = recv(),
    I = global:unregister_name({a, 1}),
    J = global:whereis_name({a, 1}),
    K = catch global:send({a, 1}, hi),
    L = global:registered_names(),
    Ref = monitor(process, S),
    S ! stop,
    {'DOWN', Ref, process, S, normal} = recv(),
    M = global:whereis_name({b, 2}),
    N = global:register_name({b, 2}, Self),
    {A, B, C, D, E, lists:sort(F), G, H, I, J, K, L, M, N}.

sleeper() -> receive _ -> ok end.
recv() -> receive M -> M after 2000 -> timeout end.
