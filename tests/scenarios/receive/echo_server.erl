-module(echo_server).
-export([main/0, loop/0]).
% a spawned server answers requests tagged with a reference, then stops
main() ->
    S = spawn(echo_server, loop, []),
    A = call(S, hello),
    B = call(S, {x, [1, 2]}),
    S ! stop,
    {A, B}.
call(S, Msg) ->
    Ref = make_ref(),
    S ! {self(), Ref, Msg},
    receive {Ref, Reply} -> Reply end.
loop() ->
    receive
        {From, Ref, Msg} -> From ! {Ref, {echo, Msg}}, loop();
        stop -> ok
    end.
