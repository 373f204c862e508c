-module(nm_global_name).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2, code_change/3]).

%% {global, Name}: the server is in the global registry; call, cast and stop take {global, Name}
main() ->
    {ok, P} = gen_server:start({global, {my, srv}}, nm_global_name, {ret, {ok, s0}}, []),
    A = global:whereis_name({my, srv}) =:= P,
    ok = gen_server:cast({global, {my, srv}}, {ret, {noreply, s1}}),
    B = gen_server:call({global, {my, srv}}, get),
    {error, {already_started, Q}} = gen_server:start({global, {my, srv}}, nm_global_name, {ret, {ok, s2}}, []),
    C = Q =:= P,
    D = gen_server:stop({global, {my, srv}}),
    E = global:whereis_name({my, srv}),
    F = catch gen_server:call({global, {my, srv}}, get),
    {A, B, {error, {already_started, C}}, D, E, F}.

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
