-module(lists_access).
-export([main/0]).
% positional and structural list functions
main() ->
    L = id([a, b, c, d, e]),
    {lists:nth(2, L), lists:nthtail(3, L), lists:last(L), lists:sublist(L, 2),
     lists:sublist(L, 2, 10), lists:split(2, L), lists:duplicate(3, x),
     lists:zip([1, 2], [x, y]), lists:unzip([{1, x}, {2, y}]), lists:append([[1], [], [2, 3]]),
     lists:flatten([1, [2, [3, []], 4]]), lists:delete(c, L), lists:droplast(L),
     lists:max([3, 7, 2]), lists:min([b, a, c]), lists:seq(1, 10, 3), lists:seq(10, 1, -4)}.
id(X) -> X.
