//go:build race

package sched

// randomize shakes scheduling decisions under the race detector, so that tests cannot depend
// on an order the scheduler does not promise (as the Go runtime does with randomizeScheduler):
// the order of steal victims, whether a woken task takes the runnext slot, and early yields
// (a run given a budget smaller than the configured one).
const randomize = true
