-module(undef).
-export([main/0]).
main() -> M = id(no_such_module), M:f().
id(X) -> X.
