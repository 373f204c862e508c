-module(tagged_tuple).
-export([main/0]).
% matching {ok, V} / {error, R} results by tag and size
main() -> [r(X) || X <- id([{ok, 1}, {error, nope}, {ok, 1, 2}, ok, {error}])].
r({ok, V}) -> V;
r({error, R}) -> {failed, R};
r(_) -> bad.
id(X) -> X.
