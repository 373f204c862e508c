-module(badmatch).
-export([main/0]).
main() -> {ok, _} = id({error, enoent}).
id(X) -> X.
