-module(tuple_update).
-export([main/0]).
% a record-like update of several fields keeps the original intact
main() ->
    T = id({person, "Ann", 30, none}),
    T2 = setelement(4, setelement(3, T, 31), {city, "Oslo"}),
    {T, T2, element(1, T2), tuple_size(T2)}.
id(X) -> X.
