-module(fmt_quoting).
-export([main/0]).
% which atoms ~p and ~w quote (keywords, capitals, symbols, the empty atom) and string escapes
main() ->
    io:format("~p ~p ~p ~p ~w ~w ~w ~p ~p~n", ['case', 'end', 'div', '', 'Abc', 'a@b', 'a.b', 'ok?', '+']),
    io:format("~p ~p~n", ["\e\v\b\f\d\r", "tab\there"]),
    io:format("~w ~p~n", [{'receive', 'when'}, [true, false, undefined, 'nil', 'andalso']]).
