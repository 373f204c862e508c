package sched

import (
	"fmt"
	"sync/atomic"
)

// Priority is a task's scheduling priority. Max runs before High, High before Normal and Low;
// Normal and Low share one queue in which a Low task is passed over a few times before it
// runs (see [LowSkips]).
type Priority uint32

// The four Erlang priorities. The zero value is Normal, so a zero Task is a normal task.
const (
	Normal Priority = iota
	Low
	High
	Max
)

// NumPriorities is the number of priority levels.
const NumPriorities = 4

// LowSkips is how many times a Low task reaches the head of the shared normal/low queue and is
// sent to the back again before it runs, when other tasks are queued behind it. The BEAM's
// value: erts sets schedule_count = RESCHEDULE_LOW (8) when it enqueues a low process and
// requeues it while --schedule_count > 0 and it is not the last in the queue, so it runs at its
// eighth time at the head: seven skips.
const LowSkips = 7

func (p Priority) String() string {
	switch p {
	case Low:
		return "low"
	case Normal:
		return "normal"
	case High:
		return "high"
	case Max:
		return "max"
	}
	return fmt.Sprintf("Priority(%d)", uint32(p))
}

// level maps a priority to its run-queue level: 0 max, 1 high, 2 normal and low.
func (p Priority) level() int {
	switch p {
	case Max:
		return 0
	case High:
		return 1
	}
	return 2
}

// Outcome is what a task's Run reports back to its scheduler.
type Outcome uint8

const (
	// Yield: the task spent its budget (or chose to yield) and is still runnable; the
	// scheduler puts it at the back of its priority's queue.
	Yield Outcome = iota
	// Wait: the task found nothing to do (its mailbox looked empty) and parks until [System.Wake]
	// or [Scheduler.Wake]. If a wake arrived while it ran, it is requeued at once instead.
	Wait
	// Exit: the task is finished; the scheduler never runs it again and ignores later wakes.
	Exit
)

func (o Outcome) String() string {
	switch o {
	case Yield:
		return "yield"
	case Wait:
		return "wait"
	case Exit:
		return "exit"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Runner is what the VM implements for each task (its process).
type Runner interface {
	// Run runs the task for at most budget reductions and says why it stopped and how many
	// reductions it used (used is at most budget; the scheduler clamps it).
	//
	// Called only by the scheduler s, on s's goroutine, with the task in status Running. Run
	// may call s.Wake, s.Spawn, s.StartTimer and any method that is safe from any goroutine;
	// it must not block, and must not panic (the VM recovers a process's panics and turns
	// them into exit reasons; a panic that escapes Run takes the program down).
	Run(s *Scheduler, budget int) (out Outcome, used int)
}

// Status is the scheduling state of a task. Each value says where the task is and who owns
// it; the VM owns everything about the task except the fields of [Task].
//
// Legal transitions (anything else panics "sched: bad status transition X→Y"):
//
//	Idle          → Runnable       Spawn
//	Runnable      → Running        a scheduler takes it from a run queue
//	Running       → Runnable       Run returned Yield
//	Running       → RunningWoken   Wake while it runs
//	Running       → Waiting        Run returned Wait
//	Running       → Exited         Run returned Exit
//	RunningWoken  → Runnable       Run returned Yield or Wait
//	RunningWoken  → Exited         Run returned Exit
//	Waiting       → Runnable       Wake
type Status uint32

const (
	// Idle: created, never spawned. In no queue; owned by whoever created it.
	Idle Status = iota
	// Runnable: in exactly one run queue or runnext slot, or in the hands of the goroutine
	// whose transition made it runnable and that is about to put it there. Only a scheduler
	// holding that queue's lock may take it out. Its Runner is not being called.
	Runnable
	// Running: its scheduler is inside Run. In no queue; only that scheduler's goroutine
	// touches the task's VM state. Any goroutine may CAS it to RunningWoken.
	Running
	// RunningWoken: as Running, and at least one Wake arrived since Run began; when Run
	// returns the task goes back to a run queue whatever it returned (except Exit).
	RunningWoken
	// Waiting: parked. In no queue, no goroutine runs it; the first Wake to CAS it to
	// Runnable owns it and queues it.
	Waiting
	// Exited: finished. In no queue; never runs again; wakes are ignored.
	Exited
	numStatus
)

var statusNames = [...]string{"idle", "runnable", "running", "running+woken", "waiting", "exited"}

func (s Status) String() string {
	if s < numStatus {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint32(s))
}

// legal[from] is the set of statuses from may move to, as a bit mask.
var legal = [numStatus]uint32{
	Idle:         1 << Runnable,
	Runnable:     1 << Running,
	Running:      1<<Runnable | 1<<RunningWoken | 1<<Waiting | 1<<Exited,
	RunningWoken: 1<<Runnable | 1<<Exited,
	Waiting:      1 << Runnable,
}

func legalTransition(from, to Status) bool {
	return from < numStatus && to < numStatus && legal[from]&(1<<to) != 0
}

// Task is the scheduler's part of a unit of work. The VM's process embeds it (or points to
// it) and passes it to Spawn together with the Runner that runs it. A Task must not be copied
// after it is spawned.
type Task struct {
	status atomic.Uint32 // a Status; changed only through casStatus
	prio   atomic.Uint32 // a Priority; read when the task is queued

	// owner is the scheduler that last ran or queued the task; a Wake from outside any
	// scheduler queues it there, for cache locality. Written by schedulers, read by anyone.
	owner atomic.Pointer[Scheduler]

	runner Runner // set once by Spawn, before the task is published

	// next links the task into a run-queue level; skips counts the passes a Low task has left
	// (see LowSkips). Both are protected by the lock of the run queue that holds the task.
	next  *Task
	skips uint8
}

// Status returns the task's current status. Safe from any goroutine; the answer may be stale
// by the time the caller reads it, except for Exited, which is final.
func (t *Task) Status() Status { return Status(t.status.Load()) }

// Priority returns the task's priority. Safe from any goroutine.
func (t *Task) Priority() Priority { return Priority(t.prio.Load()) }

// SetPriority changes the task's priority. Safe from any goroutine. It takes effect the next
// time the task is queued (after its current run, or when it is next woken); a task already in
// a run queue keeps its place. A process changing its own priority (process_flag) is therefore
// requeued at the new level when it next yields or waits.
func (t *Task) SetPriority(p Priority) {
	if p >= NumPriorities {
		panic(fmt.Sprintf("sched: bad priority %d", p))
	}
	t.prio.Store(uint32(p))
}

// casStatus is the one transition function: it moves t from `from` to `to` if t is in
// `from`, and reports whether it did. A pair not in the legal table is a scheduler bug and
// panics, whatever t's current status. Safe from any goroutine.
func (t *Task) casStatus(from, to Status) bool {
	if !legalTransition(from, to) {
		panic(fmt.Sprintf("sched: bad status transition %v→%v", from, to))
	}
	return t.status.CompareAndSwap(uint32(from), uint32(to))
}

// mustStatus is casStatus for transitions that cannot race: failing means the protocol is
// broken. Safe from any goroutine.
func (t *Task) mustStatus(from, to Status) {
	if !t.casStatus(from, to) {
		panic(fmt.Sprintf("sched: bad status transition %v→%v (task is %v)", from, to, t.Status()))
	}
}
