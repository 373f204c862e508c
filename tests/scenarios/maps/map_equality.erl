-module(map_equality).
-export([main/0]).
% map comparison: values compare with ==, keys exactly; ordering by size, then keys, then values
main() ->
    A = id(#{a => 1}), B = id(#{a => 1.0}),
    [A == B, A =:= B, #{1 => a} == #{1.0 => a}, #{a => 1, b => 2} > #{c => 0},
     #{b => 1} > #{a => 2}, #{a => 2} > #{a => 1}, lists:sort([#{b => 1}, #{a => 1, b => 1}, #{a => 9}])].
id(X) -> X.
