package vm

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const codeSrc = `
module fe
export check/3, f/1, mfa/1, closure/1, info/1, info/2

% mfa(F) -> erlang:fun_info_mfa(F).
function mfa/1
    call_ext_only 1, erlang:fun_info_mfa/1

function info/1
    call_ext_only 1, erlang:fun_info/1

function info/2
    call_ext_only 2, erlang:fun_info/2

% closure(X) -> fun(Y) -> add(Y, X) end.
function closure/1
    make_fun add/2, x0, [x0]
    return

function add/2
    bif2 none, erlang:'+'/2, x0, x1, x0
    return

% check(M, F, A) -> try erlang:function_exported(M, F, A) catch error:R -> {error, R} end.
function check/3
    allocate 1
    try y0, @caught
    call_ext 3, erlang:function_exported/3
    try_end y0
    deallocate 1
    return
@caught:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return

function f/1
    return

function local/1
    return
`

func TestFunctionExported(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "fe.bl", codeSrc)
	cases := []struct {
		args []value.Term
		want string
	}{
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Int(1)}, "true"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Int(2)}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("local"), value.Int(1)}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("check"), value.Int(3)}, "true"},
		{[]value.Term{value.Atom("gen_server"), value.Atom("call"), value.Int(2)}, "true"},
		{[]value.Term{value.Atom("erlang"), value.Atom("self"), value.Int(0)}, "true"},
		{[]value.Term{value.Atom("no_such_module"), value.Atom("f"), value.Int(1)}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), mustValue(t, "100000000000000000000")}, "false"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Int(-1)}, "{error,badarg}"},
		{[]value.Term{value.Atom("fe"), value.Atom("f"), value.Atom("x")}, "{error,badarg}"},
		{[]value.Term{value.String("fe"), value.Atom("f"), value.Int(1)}, "{error,badarg}"},
		{[]value.Term{value.Atom("fe"), value.Int(1), value.Int(1)}, "{error,badarg}"},
	}
	for _, c := range cases {
		r, err := v.Apply("fe", "check", c.args...)
		require.NoError(t, err)
		assert.Equal(t, c.want, value.Format(r), "function_exported%s", value.Format(value.List(c.args)))
	}
}

func TestFunInfoMFA(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "fe.bl", codeSrc)
	r, err := v.Apply("fe", "mfa", mustValue(t, "fun lists:map/2"))
	require.NoError(t, err)
	assert.Equal(t, "{lists,map,2}", value.Format(r))
	clo, err := v.Apply("fe", "closure", value.Int(1))
	require.NoError(t, err)
	r, err = v.Apply("fe", "mfa", clo)
	require.NoError(t, err)
	assert.Equal(t, "{fe,add,1}", value.Format(r), "a closure: its function, and the arity without the captured value")
	_, err = v.Apply("fe", "mfa", value.Atom("nofun"))
	var ee *ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "badarg", value.Format(ee.Reason))
}

func TestFunInfo(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "fe.bl", codeSrc)
	info := func(args ...value.Term) string {
		t.Helper()
		r, err := v.Apply("fe", "info", args...)
		require.NoError(t, err)
		return value.Format(r)
	}
	ext := mustValue(t, "fun lists:map/2")
	assert.Equal(t, "[{module,lists},{name,map},{arity,2},{env,[]},{type,external}]", info(ext))
	for item, want := range map[string]string{"module": "lists", "name": "map", "arity": "2", "env": "[]",
		"type": "external", "pid": "undefined", "index": "undefined", "new_index": "undefined",
		"uniq": "undefined", "new_uniq": "undefined"} {
		assert.Equal(t, "{"+item+","+want+"}", info(ext, value.Atom(item)))
	}
	clo, err := v.Apply("fe", "closure", value.Int(7))
	require.NoError(t, err)
	all := info(clo)
	assert.Regexp(t, `^\[\{pid,<[0-9.]+>\},\{module,fe\},\{new_index,0\},\{new_uniq,<<[0-9,]+>>\},\{index,0\},`+
		`\{uniq,[0-9]+\},\{name,add\},\{arity,1\},\{env,\[7\]\},\{type,local\}\]$`, all)
	for item, want := range map[string]string{"module": "fe", "name": "add", "arity": "1", "env": "[7]",
		"type": "local", "index": "0", "new_index": "0"} {
		assert.Equal(t, "{"+item+","+want+"}", info(clo, value.Atom(item)))
	}
	for _, bad := range [][]value.Term{{value.Atom("x")}, {value.Atom("x"), value.Atom("module")},
		{clo, value.Atom("foo")}, {clo, value.Int(1)}} {
		_, err := v.Apply("fe", "info", bad...)
		var ee *ExitError
		require.ErrorAs(t, err, &ee, "%v", bad)
		assert.Equal(t, "badarg", value.Format(ee.Reason))
	}
}

// reportSrc is a gen_server whose handle_cast/2 crashes, and a proc_lib process that crashes.
const reportSrc = `
module rep
export server_crash/0, plain_crash/0, no_info/0, long_msg/0, init/1, handle_cast/2,
    handle_call/3, boom/0

% long_msg() -> error_logger:error_msg("long: ~p~n", [lists:seq(1, 60)]), s0.
function long_msg/0
    allocate 0
    move 1, x0
    move 60, x1
    call_ext 2, lists:seq/2
    put_list x0, [], x1
    move "long: ~p~n", x0
    call_ext 2, error_logger:error_msg/2
    move s0, x0
    deallocate 0
    return

% server_crash() -> {ok, P} = gen_server:start(rep, s0, []), Ref = monitor(process, P),
%     gen_server:cast(P, crash), receive {'DOWN', Ref, _, _, R} -> R end.
function server_crash/0
    allocate 1
    move rep, x0
    move s0, x1
    move [], x2
    call_ext 3, gen_server:start/3
    is_tagged_tuple @bad, x0, 2, ok
    get_tuple_element x0, 1, y0
    move process, x0
    move y0, x1
    call_ext 2, erlang:monitor/2
    move y0, x0
    move crash, x1
    call_ext 2, gen_server:cast/2
    call 0, down/0
    deallocate 1
    return
@bad:
    badmatch x0

% plain_crash() -> P = proc_lib:spawn(rep, boom, []), monitor it, wait for its 'DOWN'.
function plain_crash/0
    allocate 0
    move rep, x0
    move boom, x1
    move [], x2
    call_ext 3, proc_lib:spawn/3
    move x0, x1
    move process, x0
    call_ext 2, erlang:monitor/2
    call_last 0, down/0, 0

% no_info() -> a message to a server without handle_info/2, then a call (it still answers).
function no_info/0
    allocate 1
    move rep, x0
    move s0, x1
    move [], x2
    call_ext 3, gen_server:start/3
    is_tagged_tuple @bad, x0, 2, ok
    get_tuple_element x0, 1, y0
    send y0, hello
    move y0, x0
    move get, x1
    call_ext 2, gen_server:call/2
    deallocate 1
    return
@bad:
    badmatch x0

function down/0
@loop:
    loop_rec @wait, x0
    is_tagged_tuple @skip, x0, 5, 'DOWN'
    remove_message
    get_tuple_element x0, 4, x0
    return
@skip:
    loop_rec_end @loop
@wait:
    wait @loop

function boom/0
    move boom, x0
    call_ext_only 1, erlang:error/1

function init/1
    put_tuple x0, [ok, x0]
    return

function handle_cast/2
    move boom, x0
    call_ext_only 1, erlang:error/1

function handle_call/3
    put_tuple x0, [reply, x2, x2]
    return
`

// TestBehaviourReports: a crashing gen_server writes exactly one line on standard error (its
// =ERROR REPORT====, with the server, the last message, the state and the reason); a crashing
// proc_lib process one =CRASH REPORT==== line; a message to a server without handle_info/2
// one =WARNING REPORT==== line; a message that ~p lays out over lines, one line. Nothing goes
// to standard output.
func TestBehaviourReports(t *testing.T) {
	for _, c := range []struct {
		fun, result string
		want        []string
	}{
		{"server_crash", "{boom,_}", []string{"=ERROR REPORT==== ** Generic server <", "terminating",
			"** Last message in was {'$gen_cast',crash}", "** When Server state == s0",
			"** Reason for termination == {boom,[{rep,handle_cast,2,"}},
		{"plain_crash", "{boom,_}", []string{"=CRASH REPORT==== crasher: initial call: {rep,boom,0}",
			"exception error: boom", "ancestors: [<"}},
		{"no_info", "s0", []string{"=WARNING REPORT==== ** Undefined handle_info in rep",
			"** Unhandled message: hello"}},
		// ~p lays a long list out over lines: the report joins them.
		{"long_msg", "s0", []string{"=ERROR REPORT==== long: [1,2,3,", "59,60]"}},
	} {
		t.Run(c.fun, func(t *testing.T) {
			var out, errOut syncBuffer
			v := newVM(t, Options{Stdout: &out, Stderr: &errOut})
			loadSrc(t, v, "rep.bl", reportSrc)
			r, err := v.Apply("rep", c.fun)
			require.NoError(t, err)
			if c.result == "s0" {
				assert.Equal(t, "s0", value.Format(r))
			} else {
				assert.True(t, strings.HasPrefix(value.Format(r), "{boom,["), value.Format(r))
			}
			// The report is written by the dying process; wait until it is there.
			require.Eventually(t, func() bool { return strings.Contains(errOut.String(), "\n") },
				5*time.Second, time.Millisecond)
			time.Sleep(20 * time.Millisecond) // a second line, if any, would come now
			lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
			require.Len(t, lines, 1, "one line: %q", errOut.String())
			for _, w := range c.want {
				assert.Contains(t, lines[0], w)
			}
			assert.NotContains(t, lines[0], "  ", "no indentation left")
			assert.Empty(t, out.String())
		})
	}
}

// syncBuffer is a bytes.Buffer safe for the VM's writers and the test's reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
