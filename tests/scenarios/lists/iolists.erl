-module(iolists).
-export([main/0]).
% iolists: deep nesting, binary tails, empty parts
main() ->
    L = id([$a, [<<"bc">>, [], [[$d]]] | <<"ef">>]),
    {iolist_to_binary(L), iolist_size(L), list_to_binary([1 | <<2>>]), iolist_to_binary(<<"bin">>),
     iolist_to_binary([[], <<>>, [[]]]), erlang:iolist_size([<<1:8>>, 255])}.
id(X) -> X.
