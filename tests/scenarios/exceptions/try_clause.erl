-module(try_clause).
-export([main/0]).
% no clause of a try's of section matches: try_clause, not caught by the same try
main() ->
    try id(other) of
        ok -> fine
    catch
        _:_ -> caught
    end.
id(X) -> X.
