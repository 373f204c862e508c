-module(nm_name_noproc).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2, code_change/3]).

%% calls and stops to names nobody holds exit noproc
main() ->
    A = catch gen_server:call({global, nobody}, get),
    B = catch gen_server:call({via, global, nobody}, get, 100),
    C = catch gen_server:stop({global, nobody}),
    {A, B, C}.

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
