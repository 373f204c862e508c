-module(gs_minimal).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

%% a callback module without handle_info/2, terminate/2 and code_change/3: a plain message is
%% logged and dropped, stop works, and sys:change_code/4 reports the missing code_change/3
main() ->
    {ok, P} = gen_server:start(gs_minimal, s0, []),
    P ! hello,
    A = gen_server:call(P, get),
    ok = sys:suspend(P),
    B = sys:change_code(P, gs_minimal, v1, extra),
    ok = sys:resume(P),
    C = gen_server:stop(P),
    {A, B, C}.

init(S) -> {ok, S}.
handle_call(get, _From, S) -> {reply, S, S}.
handle_cast(_Msg, S) -> {noreply, S}.
