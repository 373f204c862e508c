-module(hello).
-export([main/0]).
main() -> io:format("Hello, ~s!~n", [<<"beamlite">>]).
