-module(sup_bad_child_spec).
-export([main/0, init/1]).
% bad child specs at start: {error, {start_spec, Error}}; nothing is started
main() ->
    process_flag(trap_exit, true),
    [element(2, supervisor:start_link(sup_bad_child_spec, S)) || S <- [
        [#{start => {m, f, []}}],
        [#{id => a}],
        [#{id => a, start => {m, f}}],
        [#{id => a, start => {m, f, []}, restart => sometimes}],
        [#{id => a, start => {m, f, []}, shutdown => -1}],
        [#{id => a, start => {m, f, []}, type => boss}],
        [#{id => a, start => {m, f, []}, modules => m}],
        [#{id => a, start => {m, f, []}, modules => [m, "n"]}],
        [#{id => a, start => {m, f, []}, significant => true, restart => transient}],
        [not_a_spec],
        [#{id => a, start => {m, f, []}}, #{id => a, start => {m, g, []}}]]].
init(Specs) -> {ok, {#{}, Specs}}.
