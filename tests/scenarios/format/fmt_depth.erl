-module(fmt_depth).
-export([main/0]).
% ~W and ~P cut terms off below a depth
main() -> io:format("~W|~P~n", [[1, 2, 3, 4, 5], 3, {a, {b, {c, {d}}}}, 3]).
