-module(division).
-export([main/0]).
main() -> {-7 div 2, -7 rem 2, 7 / 2, round(-3.5), trunc(3.9), -7 bsr 2}.
