-module(spawn_closure).
-export([main/0]).
% spawn/1 runs a closure that captured the parent's pid and a value
main() ->
    Parent = self(),
    Base = id(40),
    spawn(fun() -> Parent ! {result, Base + 2} end),
    receive {result, R} -> R end.
id(X) -> X.
