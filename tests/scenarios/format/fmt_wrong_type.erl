-module(fmt_wrong_type).
-export([main/0]).
% an integer directive given an atom, and too few arguments, both fail in io_lib:format
main() ->
    A = (catch io_lib:format("~b", [id(x)])),
    B = (catch io_lib:format(id("~p ~p"), [id(1)])),
    C = (catch io_lib:format("~s", [id(1)])),
    [element(1, element(2, R)) || R <- [A, B, C]].
id(X) -> X.
