// Package sched runs tasks on a set of schedulers: one goroutine per CPU, each locked to an OS
// thread pinned to its CPU, each with its own run queue with four priorities, stealing from
// the others when idle, parking without lost wake-ups, and a timer heap read through an
// injectable [Clock]. It knows nothing of terms or processes: the VM's process embeds a
// [Task] and implements [Runner].
//
// Use:
//
//	sys := sched.New(sched.Options{})        // runtime.NumCPU() schedulers, budget 4000, pinned
//	sys.Spawn(&p.Task, p, sched.Normal)      // p implements Run(s, budget) (Outcome, used)
//	sys.Start()
//	...
//	p.mailbox.append(msg); sys.Wake(&p.Task) // from any goroutine: a message arrived
//	s.Wake(&q.Task)                          // inside Run on scheduler s: hand q the rest of the slice
//	t := sys.After(100*time.Millisecond, func() { deliverTimeout(p); sys.Wake(&p.Task) })
//	sys.CancelTimer(t)
//	...
//	sys.Stop(ctx)                            // schedulers finish their current run and exit
//
// Run returns [Yield] (budget spent: back of the queue), [Wait] (park until woken) or [Exit].
// The VM must make a message visible before it calls Wake, and Run must look at the mailbox
// after Run began; then no wake-up is lost whatever the interleaving. A task can be run once
// more than it needs (a wake that arrived during a run whose look already saw the message):
// Run must treat an empty mailbox as "wait again".
//
// Tests use [NewFakeClock] and FakeClock.Advance: timers fire when the clock passes their
// deadline, on the scheduler that holds them, and never because real time passed.
//
// The design, the proofs and the measurements are in docs/SCHEDULER.md.
package sched

// Implementer notes.
//
// A scheduler's loop is: fire due timers; run the runnext task (if it has slice left and no
// queued task outranks it), else pop the own queue, else steal half of the highest level of
// the first victim with work; else park. Every task status change is a CAS through
// Task.casStatus against the legal table in task.go. The protocol has three halves, each a
// store-then-load pair whose two sides cannot both miss each other under Go's sequentially
// consistent atomics (the store-buffering litmus test):
//
//   - Wake vs Run returning Wait: the task's status word. Wake CASes Running→RunningWoken or
//     Waiting→Runnable; the scheduler CASes Running→Waiting, and if that fails the task is
//     RunningWoken and goes back to the queue.
//   - Enqueue vs park: the queue's atomic length vs the scheduler's state word. A pusher
//     bumps the length then reads the state (parked → send a token); a parker stores parked
//     then re-reads every queue's length and its next timer.
//   - StartTimer vs park: the same, with nextTimer in place of the queue length.
//
// Tokens travel on a channel of capacity 1, so a notify that arrives before the parker
// blocks is not lost, and a notifier never blocks. Owner-only fields (runnext, sliceLeft,
// running, rng, alarm, due) are touched only by the scheduler's goroutine; run-queue links
// are under the queue's mutex; timer heap positions under the scheduler's tmu.
//
// Invariants:
//
//  1. Every status change goes through casStatus, and only the transitions of the table in
//     task.go happen; any other panics "sched: bad status transition X→Y" —
//     TestStatusTransitions, TestWakeStatus.
//  2. A task is inside Run on at most one scheduler at a time — TestHammerRunQueueSteal,
//     TestHammerWake (each Run CASes an in-run flag).
//  3. No lost wake-up: a Wake that begins after a run of the task looked at its mailbox is
//     followed by another run, unless the task exits — TestHammerWake, TestWakeWhileRunning.
//  4. No lost scheduler wake-up: a scheduler does not stay blocked while a task is queued on
//     any scheduler or one of its timers is due — TestParkRace, TestParkAndWake,
//     TestIdleStealsFromBusy, TestHammerWake (quiescence), TestTimers.
//  5. On one scheduler, max runs before high before normal and low; a low task at the head
//     of the shared queue is passed over LowSkips times, unless it is last — TestPriorities,
//     TestRunQueuePriorityOrder, TestRunQueueLowSkips.
//  6. A task that spends its whole budget delays any other runnable task by at most one
//     budget per task queued ahead of it; two tasks handing work through runnext share one
//     slice, so they cannot starve the queue either — TestPreemptionFairness.
//  7. Every timer either fires exactly once or is cancelled exactly once, and never fires
//     before its deadline on the System's clock — TestHammerTimers, TestTimers.
//  8. A task exits once and never runs after Exit — TestHammerRunQueueSteal,
//     TestWakeWhileRunning.
//  9. A steal takes the first half (rounded up) of the victim's highest non-empty level and
//     keeps each task's low-priority skips — TestRunQueueStealHalf, TestStealing.
//  10. The locks claimed held in doc comments ("rq.mu must be held", "s.tmu must be held")
//     are held, and "Called only by this scheduler" methods are called on it — assertLocked
//     and assertOwner under the beamlitedebug tag.
//  11. A scheduler that reports itself pinned runs on exactly its CPU; a refusal is reported
//     once per System — TestPinning, TestPinRefused.
