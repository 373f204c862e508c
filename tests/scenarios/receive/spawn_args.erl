-module(spawn_args).
-export([main/0, child/5]).
% spawn/3 passes every argument of a five-argument function to the new process
main() ->
    spawn(spawn_args, child, [self(), a, 2, "three", {4}]),
    receive {args, L} -> L end.
child(Parent, A, B, C, D) -> Parent ! {args, [A, B, C, D]}.
