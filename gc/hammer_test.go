package gc

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
)

// TestHammerMessages runs P goroutines in a ring, each owning a heap as a scheduler owns its
// process's: each copies a message out of its heap (sharing one off-heap binary and one
// literal), sends the fragment to the next, moves what it receives into its heap, collects,
// and checks the message against its portable value. Fragments are read by their receiver
// while their sender goes on copying, so under -race this checks that CopyOut's pooled scratch
// arrays and a fragment's words and binaries are never written once sent.
func TestHammerMessages(t *testing.T) {
	const p = 4
	rounds := 300
	if testing.Short() {
		rounds = 30
	}
	shared := &term.Binary{Data: make([]byte, 1000)}
	want := value.Tuple{value.Int(1), value.List{value.Atom("ok"), value.Float(2.5)}, value.Binary(shared.Data)}
	inboxes := make([]chan *Fragment, p)
	for i := range inboxes {
		inboxes[i] = make(chan *Fragment, 8)
	}
	var wg sync.WaitGroup
	var bad atomic.Int32
	start := make(chan struct{})
	for i := range p {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := New(DefaultOptions())
			var roots []term.Term
			<-start
			for r := range rounds {
				msg := term.MakeTuple(&h.Heap, term.MakeSmall(1),
					term.ListFromSlice(&h.Heap, []term.Term{term.Ok, term.MakeFloat(&h.Heap, 2.5)}, term.Nil),
					term.MakeRefBinary(&h.Heap, shared))
				roots = append(roots, term.MakeTuple(&h.Heap, msg, literal()))
				inboxes[(i+1)%p] <- CopyOut(&h.Heap, roots[len(roots)-1])
				got := (<-inboxes[i]).MoveIn(&h.Heap)
				roots = append(roots, got)
				if r%7 == 0 {
					h.Collect(RootSet{roots}, 0)
					got = roots[len(roots)-1]
				}
				// Keep going on a mismatch: a goroutine that stopped would block its neighbours.
				if !value.Equal(want, term.ToValue(&h.Heap, term.TupleElem(&h.Heap, got, 0))) {
					bad.Add(1)
				}
				if len(roots) > 20 {
					roots = roots[10:]
				}
			}
			assert.NoError(t, h.Verify(RootSet{roots}))
		}()
	}
	close(start)
	wg.Wait()
	assert.Zero(t, bad.Load(), "messages that arrived different")
}
