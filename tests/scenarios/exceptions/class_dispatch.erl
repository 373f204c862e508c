-module(class_dispatch).
-export([main/0]).
% one handler telling the three classes apart
main() -> [run(C) || C <- id([throw, exit, error, none])].
run(C) ->
    try raise(C) of
        V -> {value, V}
    catch
        throw:R -> {thrown, R};
        exit:R -> {exited, R};
        error:R -> {failed, R}
    end.
raise(throw) -> throw(t);
raise(exit) -> exit(e);
raise(error) -> error(r);
raise(none) -> ok.
id(X) -> X.
