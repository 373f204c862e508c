//go:build !race

package sched

// randomize: see race_on.go.
const randomize = false
