-module(term_order).
-export([main/0]).
% number < atom < reference < fun < pid < tuple < map < [] < list < bitstring
main() ->
    Ref = make_ref(), Fun = fun main/0, Pid = self(),
    Chain = [1, a, Ref, Fun, Pid, {}, #{}, [], [a], <<>>],
    {lists:sort(id([<<"b">>, [a], [], #{a => 1}, {a, b}, {c}, a, 2.5, 1, "a"])),
     ordered(Chain)}.
ordered([A, B | T]) -> (A < B) andalso ordered([B | T]);
ordered(_) -> true.
id(X) -> X.
