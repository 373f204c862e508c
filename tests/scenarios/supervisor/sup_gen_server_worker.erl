-module(sup_gen_server_worker).
-export([main/0, init/1, handle_call/3, handle_cast/2]).
% a gen_server worker (this module is also its callback module): it crashes in a call, and
% the supervisor starts it again with a fresh state
main() ->
    {ok, Sup} = supervisor:start_link(sup_gen_server_worker, sup),
    W = pid(Sup, counter),
    1 = gen_server:call(W, incr),
    2 = gen_server:call(W, incr),
    {'EXIT', {crashed, _}} = (catch gen_server:call(W, crash)),
    W2 = pid(Sup, counter),
    {W2 =/= W, gen_server:call(W2, incr), gen_server:call(counter_server, incr)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init(sup) ->
    {ok, {#{}, [#{id => counter,
                  start => {gen_server, start_link,
                            [{local, counter_server}, sup_gen_server_worker, worker, []]}}]}};
init(worker) -> {ok, 0}.
handle_call(incr, _From, N) -> {reply, N + 1, N + 1};
handle_call(crash, _From, _N) -> exit(crashed).
handle_cast(_, N) -> {noreply, N}.
