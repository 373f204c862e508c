-module(gs_proc_lib_start).
-export([main/0, child/1]).

%% proc_lib:start/3,4, start_link/3,4 and start_monitor/3 wait for init_ack/1; a process that dies
%% first gives {error, Reason}, one that does not answer in time is killed: {error, timeout};
%% start_monitor's monitor stays, and its 'DOWN' is kept when the process died before answering
main() ->
    process_flag(trap_exit, true),
    A = proc_lib:start_link(gs_proc_lib_start, child, [ack]),
    B = proc_lib:start(gs_proc_lib_start, child, [die]),
    C = proc_lib:start_link(gs_proc_lib_start, child, [die]),
    D = proc_lib:start(gs_proc_lib_start, child, [hang], 50),
    E = proc_lib:start_link(gs_proc_lib_start, child, [hang], 50),
    {F, _} = proc_lib:start_monitor(gs_proc_lib_start, child, [ack]),
    {G, _} = proc_lib:start_monitor(gs_proc_lib_start, child, [die]),
    timer:sleep(50),
    {A, B, C, D, E, F, G, flush()}.

child(ack) -> proc_lib:init_ack(acked);
child(die) -> exit(died);
child(hang) -> receive never -> ok end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.
