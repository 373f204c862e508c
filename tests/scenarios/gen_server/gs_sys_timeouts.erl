-module(gs_sys_timeouts).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2, code_change/3, add_y/1]).

%% sys's functions with a timeout: get_state/2, replace_state/3, suspend/2, change_code/5,
%% resume/2, get_status/2; a busy server makes them exit {timeout, {sys, F, Args}};
%% sys:terminate/3 answers ok
main() ->
    {ok, P} = gen_server:start(gs_sys_timeouts, {ret, {ok, s0}}, []),
    A = sys:get_state(P, 1000),
    B = sys:replace_state(P, fun gs_sys_timeouts:add_y/1, 1000),
    C = sys:suspend(P, 1000),
    D = sys:change_code(P, gs_sys_timeouts, v2, extra, 1000),
    E = sys:resume(P, 1000),
    F = sys:get_state(P, infinity),
    {status, _, _, [_, G, _, _, _]} = sys:get_status(P, 1000),
    gen_server:cast(P, {sleep, 200}),
    H = catch sys:get_state(P, 50),
    timer:sleep(300),
    I = sys:terminate(P, normal, 1000),
    timer:sleep(50),
    {A, B, C, D, E, F, G, H, I}.

%% The callbacks do what they are told: init({ret, R}) returns R, and a request {ret, R}
%% makes the callback return R; get replies with the state; a timeout or a continue is
%% recorded in the state.
init({ret, R}) -> R;
init({trap, R}) -> process_flag(trap_exit, true), R;
init({throw, R}) -> throw(R);
init({sleep, T, R}) -> timer:sleep(T), R;
init(crash) -> erlang:error(boom).

handle_call(get, _From, S) -> {reply, S, S};
handle_call({ret, R}, _From, _S) -> R;
handle_call({throw, R}, _From, _S) -> throw(R);
handle_call({sleep, T}, _From, S) -> timer:sleep(T), {reply, slept, S};
handle_call(later, From, S) -> self() ! {reply_to, From}, {noreply, S};
handle_call(dict, {Pid, _}, S) ->
    {reply, {get('$initial_call'), hd(get('$ancestors')) =:= Pid}, S};
handle_call(crash, _From, _S) -> erlang:error(boom).

handle_cast({ret, R}, _S) -> R;
handle_cast({sleep, T}, S) -> timer:sleep(T), {noreply, S};
handle_cast(crash, _S) -> erlang:error(boom).

handle_info(timeout, S) -> {noreply, {timeout, S}};
handle_info({reply_to, From}, S) -> gen_server:reply(From, late), {noreply, S};
handle_info({ret, R}, _S) -> R.

handle_continue({ret, R}, _S) -> R;
handle_continue(C, S) -> {noreply, {continued, C, S}}.

terminate(Reason, S) -> io:format("terminate ~p ~p~n", [brief(Reason), S]).

code_change(OldVsn, S, Extra) -> {ok, {OldVsn, S, Extra}}.

%% brief(Reason): a crash's stack trace differs from erl's, so it is printed as stacktrace.
brief({R, [{_, _, _, _} | _]}) -> {R, stacktrace};
brief(R) -> R.

recv() -> receive M -> M after 2000 -> timeout end.

flush() -> receive M -> [M | flush()] after 0 -> [] end.

add_y(S) -> {S, y}.
