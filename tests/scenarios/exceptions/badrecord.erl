-module(badrecord).
-export([main/0]).
-record(point, {x, y}).
% reading a record field from a tuple that is not that record
main() -> get_x(id({size, 1, 2})).
get_x(P) -> P#point.x.
id(X) -> X.
