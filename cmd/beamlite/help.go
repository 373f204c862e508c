package main

import "fmt"

var helpCommand = &command{
	name:    "help",
	args:    "[COMMAND]",
	summary: "show help for beamlite or one of its commands",
	help:    "Help prints the list of commands, or the help of one command.\n",
	run:     runHelp,
}

func runHelp(hc *command, e *env, args []string) int {
	switch len(args) {
	case 0:
		usage(e.stdout)
		return exitOK
	case 1:
		c := lookup(args[0])
		if c == nil {
			return e.usagef(hc, "help: unknown command %q", args[0])
		}
		fmt.Fprintf(e.stdout, "usage: beamlite %s %s\n\n%s", c.name, c.args, c.help)
		return exitOK
	}
	return e.usagef(hc, "help: want at most one command name")
}
