-module(map_match).
-export([main/0]).
% matching maps by keys: several keys at once, a presence test, a failing match
main() -> [m(M) || M <- id([#{x => 1, y => 2}, #{x => 1}, #{name => "n", extra => 0}, #{}, not_a_map])].
m(#{x := X, y := Y}) -> {point, X + Y};
m(#{name := _}) -> named;
m(#{x := X}) -> {x_only, X};
m(M) when is_map(M) -> other_map;
m(_) -> no_map.
id(X) -> X.
