// Command chronicle reads narrative history and writes its chronicle: dated,
// sourced events, actors, treaties and tenures. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/chronicle-history/chronicle/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.ProcessEnv())
	stop()
	os.Exit(code)
}
