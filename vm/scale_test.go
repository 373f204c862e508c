package vm

import (
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const scaleSrc = `
module scale
export run/1, child/1

% run(N): spawn N processes, send each one message; each replies and exits. Returns the number
% of replies.
function run/1
    allocate 2
    move x0, y0
    move 0, y1
@spawn:
    is_lt @collect, y1, y0
    bif0 erlang:self/0, x0
    put_list x0, [], x2
    move scale, x0
    move child, x1
    call_ext 3, erlang:spawn/3
    send x0, go
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @spawn
@collect:
    move 0, y1
@recv:
    is_lt @done, y1, y0
@loop:
    loop_rec @wait, x0
    remove_message
    bif2 none, erlang:'+'/2, y1, 1, y1
    jump @recv
@wait:
    wait @loop
@done:
    move y1, x0
    deallocate 2
    return

% child(Parent) -> receive go -> Parent ! done end.
function child/1
    allocate 1
    move x0, y0
@loop:
    loop_rec @wait, x0
    remove_message
    send y0, done
    move ok, x0
    deallocate 1
    return
@wait:
    wait @loop
`

// TestMillionProcesses spawns 1,000,000 processes, each receiving one message and exiting
// (issue 5's scale test): about 3 s, and 15 s under the race detector.
func TestMillionProcesses(t *testing.T) {
	const n = 1_000_000
	v := newVM(t, Options{})
	loadSrc(t, v, "scale.bl", scaleSrc)
	start := time.Now()
	r, err := v.Apply("scale", "run", value.Int(int64(n)))
	require.NoError(t, err)
	assert.Equal(t, value.Int(int64(n)), r)
	t.Logf("%d processes spawned, messaged and exited in %v", n, time.Since(start))
	assert.Eventually(t, func() bool { return v.procs.count.Load() == 0 }, 10*time.Second, time.Millisecond)
}
