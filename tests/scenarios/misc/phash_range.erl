-module(phash_range).
-export([main/0]).
% erlang:phash2 stays in its range and hashes equal terms equally, wherever they were built
main() ->
    T = id({x, [1, 2], <<"b">>}),
    Copy = list_to_tuple(tuple_to_list(T)),
    H = erlang:phash2(T),
    {H =:= erlang:phash2(Copy), H >= 0, H < 1 bsl 27, erlang:phash2(T, 10) < 10,
     erlang:phash2(abc, 1), erlang:phash2(1) =:= erlang:phash2(1)}.
id(X) -> X.
