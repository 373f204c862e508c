-module(exact_vs_equal).
-export([main/0]).
% library functions that match exactly (=:=) and those that compare (==): 1 against 1.0
main() ->
    {lists:usort([1, 1.0, 2]), [1, 2] -- [1.0], lists:delete(1.0, [1]), lists:member(1.0, [1]),
     lists:keyfind(1.0, 1, [{1, a}]), lists:keymember(1.0, 1, [{1, a}]), maps:find(1.0, #{1 => a}),
     lists:keysort(1, [{2.0, x}, {1, y}, {2, z}])}.
