-module(closures).
-export([main/0]).
main() -> N = id(10), lists:map(fun(X) -> X + N end, [1, 2, 3]).
id(X) -> X.
