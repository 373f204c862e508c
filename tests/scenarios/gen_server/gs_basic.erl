-module(gs_basic).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

main() ->
    {ok, Pid} = gen_server:start_link(gs_basic, 10, []),
    A = gen_server:call(Pid, get),
    ok = gen_server:cast(Pid, {add, 2}),
    B = gen_server:call(Pid, get),
    Pid ! inc,
    C = gen_server:call(Pid, get),
    ok = gen_server:stop(Pid),
    {A, B, C, is_process_alive(Pid)}.

init(N) -> io:format("init ~p~n", [N]), {ok, N}.
handle_call(get, _From, N) -> {reply, N, N}.
handle_cast({add, K}, N) -> {noreply, N + K}.
handle_info(inc, N) -> {noreply, N + 1}.
terminate(Reason, N) -> io:format("terminate ~p ~p~n", [Reason, N]).
