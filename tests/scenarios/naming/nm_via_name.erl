-module(nm_via_name).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2, code_change/3, register_name/2, whereis_name/1, unregister_name/1, send/2]).

%% {via, Module, Name}: Module's register_name/2, whereis_name/1, unregister_name/1 and send/2
%% (here a registry of its own on top of global) name the server
main() ->
    {ok, P} = gen_server:start({via, nm_via_name, srv}, nm_via_name, {ret, {ok, s0}}, []),
    A = global:whereis_name({via, srv}) =:= P,
    ok = gen_server:cast({via, nm_via_name, srv}, {ret, {noreply, s1}}),
    B = gen_server:call({via, nm_via_name, srv}, get),
    {error, {already_started, Q}} = gen_server:start({via, nm_via_name, srv}, nm_via_name, {ret, {ok, s2}}, []),
    C = Q =:= P,
    D = gen_server:stop({via, nm_via_name, srv}),
    E = whereis_name(srv),
    F = catch gen_server:call({via, nm_via_name, srv}, get),
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
register_name(Name, Pid) -> global:register_name({via, Name}, Pid).
whereis_name(Name) -> global:whereis_name({via, Name}).
unregister_name(Name) -> global:unregister_name({via, Name}).
send(Name, Msg) -> global:send({via, Name}, Msg).
