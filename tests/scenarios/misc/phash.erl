-module(phash).
-export([main/0]).
% erlang:phash2 is portable: the same term hashes to the same value on every node
main() ->
    [erlang:phash2(T) || T <- id([0, 1, abc, "abc", <<"abc">>, {a, 1}, [], 3.5, -7, #{k => v}])] ++
        [erlang:phash2(abc, 100), erlang:phash2({x, [1, 2]}, 7)].
id(X) -> X.
