-module(gs_proc_lib_fun).
-export([main/0, report/0]).

%% proc_lib:spawn/1, spawn_link/1, spawn_opt/2 and spawn_opt/4: '$initial_call' of a fun is
%% erlang:fun_info_mfa(Fun); '$ancestors' starts with the parent's registered name
main() ->
    register(gs_plf_main, self()),
    proc_lib:spawn(fun gs_proc_lib_fun:report/0),
    A = got(),
    proc_lib:spawn_link(fun gs_proc_lib_fun:report/0),
    B = got(),
    {_, _} = proc_lib:spawn_opt(fun gs_proc_lib_fun:report/0, [monitor]),
    C = got(),
    proc_lib:spawn_opt(gs_proc_lib_fun, report, [], [link]),
    D = got(),
    {A, B, C, D}.

report() -> gs_plf_main ! {report, {hd(get('$ancestors')), get('$initial_call')}}.

got() -> receive {report, R} -> R end.
