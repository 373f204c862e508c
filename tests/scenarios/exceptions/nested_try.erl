-module(nested_try).
-export([main/0]).
% an inner handler that does not match re-raises to the outer one; an inner one that matches
% hides the exception
main() ->
    A = try
            try throw(inner) catch error:_ -> wrong end
        catch throw:X -> {outer, X}
        end,
    B = try
            try error(deep) catch error:Y -> {inner, Y} end
        catch _:_ -> wrong
        end,
    {A, B}.
