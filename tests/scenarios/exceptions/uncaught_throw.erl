-module(uncaught_throw).
-export([main/0]).
main() -> throw(id({ball, 1})).
id(X) -> X.
