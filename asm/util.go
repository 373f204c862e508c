package asm

import "fmt"

// sprintf formats like fmt.Sprintf, but uses a message without arguments as it is, so that
// fixed messages may mention % (the comment character of .bl) without doubling it.
func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
