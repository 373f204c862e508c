-module(uncaught_exit).
-export([main/0]).
main() -> exit(id(bye)).
id(X) -> X.
