-module(fmt_badarg).
-export([main/0]).
% a float directive with precision 0 is not a valid format
main() -> io:format("~.0f~n", [id(2.5)]).
id(X) -> X.
