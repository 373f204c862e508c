-module(case_clause).
-export([main/0]).
main() -> case id({x, 1}) of {y, _} -> y; z -> z end.
id(X) -> X.
