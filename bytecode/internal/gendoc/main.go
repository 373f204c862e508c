package main

import (
	"flag"
	"log"
	"os"

	"github.com/beamlite/beamlite/bytecode"
)

func main() {
	out := flag.String("o", "../docs/ISA.md", "output file")
	flag.Parse()
	if err := os.WriteFile(*out, bytecode.ISAMarkdown(), 0o644); err != nil {
		log.Fatal(err)
	}
}
