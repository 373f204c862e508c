-module(function_clause).
-export([main/0]).
main() -> pick(c).
pick(a) -> 1;
pick(b) -> 2.
