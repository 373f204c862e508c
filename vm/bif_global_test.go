package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const globalSrc = `
module gt
export names/0, sleeper/0, race/1, racer/2

% names() -> the results of a sequence of global calls, in order (see TestGlobalNames).
function names/0
    allocate 4
    bif0 erlang:self/0, y0
    move gt, x0
    move sleeper, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    move x0, y1
    move [], y2
    move {n, 1}, x0
    move y0, x1
    call_ext 2, global:register_name/2
    put_list x0, y2, y2
    move {n, 1}, x0
    move y0, x1
    call_ext 2, global:register_name/2
    put_list x0, y2, y2
    move {n, 1}, x0
    move y1, x1
    call_ext 2, global:register_name/2
    put_list x0, y2, y2
    move {n, 2}, x0
    move y0, x1
    call_ext 2, global:register_name/2
    put_list x0, y2, y2
    move {n, 2}, x0
    move y1, x1
    call_ext 2, global:register_name/2
    put_list x0, y2, y2
    move {n, 1}, x0
    call_ext 1, global:whereis_name/1
    bif2 none, erlang:'=:='/2, x0, y0, x0
    put_list x0, y2, y2
    move {n, 2}, x0
    call_ext 1, global:whereis_name/1
    bif2 none, erlang:'=:='/2, x0, y1, x0
    put_list x0, y2, y2
    call_ext 0, global:registered_names/0
    put_list x0, y2, y2
    move {n, 2}, x0
    move hello, x1
    call_ext 2, global:send/2
    bif2 none, erlang:'=:='/2, x0, y1, x0
    put_list x0, y2, y2
    move process, x0
    move y1, x1
    call_ext 2, erlang:monitor/2
@down:
    loop_rec @wait, x0
    remove_message
    put_list x0, y2, y2
    move {n, 2}, x0
    call_ext 1, global:whereis_name/1
    put_list x0, y2, y2
    call_ext 0, global:registered_names/0
    put_list x0, y2, y2
    move {n, 1}, x0
    call_ext 1, global:unregister_name/1
    put_list x0, y2, y2
    move {n, 1}, x0
    call_ext 1, global:unregister_name/1
    put_list x0, y2, y2
    move {n, 2}, x0
    move y0, x1
    call_ext 2, global:register_name/2
    put_list x0, y2, y2
    try y3, @caught
    move nobody, x0
    move hi, x1
    call_ext 2, global:send/2
    try_end y3
    put_list x0, y2, y2
    jump @done
@caught:
    try_case y3
    put_tuple x0, [x0, x1]
    put_list x0, y2, y2
@done:
    move y2, x0
    call_ext 1, lists:reverse/1
    deallocate 4
    return
@wait:
    wait @down

% sleeper() -> receive M -> M end: it ends with the first message it gets.
function sleeper/0
@loop:
    loop_rec @wait, x0
    remove_message
    return
@wait:
    wait @loop

% race(N): N processes try to register the same name at once and stay alive; returns how
% many of them got yes.
function race/1
    allocate 3
    move x0, y0
    move x0, y2
    move 0, y1
    bif0 erlang:self/0, x1
@spawn:
    is_lt @count, 0, y0
    bif2 none, erlang:'-'/2, y0, 1, y0
    put_list x1, [], x2
    put_list y0, x2, x2
    move gt, x0
    move racer, x1
    call_ext 3, erlang:spawn/3
    bif0 erlang:self/0, x1
    jump @spawn
@count:
    is_lt @done, 0, y2
    bif2 none, erlang:'-'/2, y2, 1, y2
@recv:
    loop_rec @wait, x0
    remove_message
    is_eq_exact @count, x0, yes
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @count
@wait:
    wait @recv
@done:
    move y1, x0
    deallocate 3
    return

% racer(I, Parent) -> Parent ! global:register_name(race, self()), sleeper().
function racer/2
    allocate 1
    move x1, y0
    move race, x0
    bif0 erlang:self/0, x1
    call_ext 2, global:register_name/2
    send y0, x0
    deallocate 1
    call_only 0, sleeper/0
`

func TestGlobalNames(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "gt.bl", globalSrc)
		r, err := v.Apply("gt", "names")
		require.NoError(t, err)
		got := r.(value.List)
		want := []string{
			"yes",                         // register {n,1} for self
			"no",                          // again
			"no",                          // {n,1} for another process: taken
			"no",                          // {n,2} for self: self already has a name
			"yes",                         // {n,2} for the sleeper
			"true",                        // whereis {n,1}
			"true",                        // whereis {n,2}
			"[{n,1},{n,2}]",               // registered_names, in term order
			"true",                        // send {n,2} returns the sleeper's pid (and ends it)
			"",                            // its 'DOWN'
			"undefined",                   // a dead process's name is free
			"[{n,1}]",                     // and no longer listed
			"ok",                          // unregister {n,1}
			"ok",                          // unregister again: still ok
			"yes",                         // {n,2} for self, now that self has no name
			"{exit,{badarg,{nobody,hi}}}", // send to an unknown name
		}
		require.Len(t, got, len(want))
		for i, w := range want {
			if w != "" {
				assert.Equal(t, w, value.Format(got[i]), "step %d", i+1)
			}
		}
	})
}

// TestGlobalRace: of many processes registering one name at once, exactly one wins.
func TestGlobalRace(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "gt.bl", globalSrc)
		r, err := v.Apply("gt", "race", value.Int(50))
		require.NoError(t, err)
		assert.Equal(t, value.Int(1), r)
	})
}
