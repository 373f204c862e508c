-module(sup_check_childspecs).
-export([main/0]).
% check_childspecs/1,2 check specs without a supervisor
main() ->
    Good = [#{id => a, start => {m, f, []}}, {b, {m, f, [1]}, temporary, 100, worker, [m]}],
    Sig = [#{id => s, start => {m, f, []}, restart => transient, significant => true}],
    {supervisor:check_childspecs(Good),
     supervisor:check_childspecs(not_a_list),
     supervisor:check_childspecs([#{id => a, start => {m, f, []}, significant => maybe}]),
     supervisor:check_childspecs([#{id => a, start => {m, f, []}, significant => true}]),
     supervisor:check_childspecs(Sig),
     supervisor:check_childspecs(Sig, never),
     supervisor:check_childspecs(Sig, any_significant),
     supervisor:check_childspecs(Good, whenever)}.
