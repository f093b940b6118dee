package cli

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/serve"
	"github.com/chronicle-history/chronicle/internal/store"
)

type serveOptions struct {
	in        inputOptions
	db        dbOptions
	addr      string
	token     string
	maxUpload string
	logFormat string
}

func newServeCmd(env *Env) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve [flags] [FILE|DIR ...]",
		Short: "Serve the chronicle over HTTP: the JSON API and the web explorer",
		Long: `serve opens the store, ingests any FILE or DIR given (and, when the store is
empty, the built-in corpus first), prints the URL on standard output and
serves the JSON API under /api/ (see /api/openapi.json and docs/API.md) and
the web explorer at /.

It listens on loopback (127.0.0.1:8080) unless --addr says otherwise. Writes
(uploading an article, deleting a document) are off unless a token is set
with --token or CHRONICLE_TOKEN; requests must then carry
"Authorization: Bearer <token>". Logs are structured (text or JSON) on
standard error. SIGINT or SIGTERM stops it gracefully.`,
		Example: `  chronicle serve
  chronicle serve --db postgres://chronicle@localhost/chronicle --addr 0.0.0.0:8080
  CHRONICLE_TOKEN=s3cret chronicle serve articles/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, env, &o, args)
		},
	}
	o.in.register(cmd)
	o.db.register(cmd)
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().StringVar(&o.token, "token", "", "enable writes for requests bearing this token (default $CHRONICLE_TOKEN)")
	cmd.Flags().StringVar(&o.maxUpload, "max-upload", "8MiB", "largest article accepted by upload")
	cmd.Flags().StringVar(&o.logFormat, "log-format", "text", "log format on standard error: text or json")
	return cmd
}

func runServe(cmd *cobra.Command, env *Env, o *serveOptions, args []string) error {
	ctx := cmd.Context()
	ro, err := o.in.readOptions()
	if err != nil {
		return err
	}
	maxUpload, err := parseSize(o.maxUpload)
	if err != nil {
		return usagef("--max-upload %q: %v", o.maxUpload, err)
	}
	var handler slog.Handler
	switch o.logFormat {
	case "text":
		handler = slog.NewTextHandler(env.Stderr, nil)
	case "json":
		handler = slog.NewJSONHandler(env.Stderr, nil)
	default:
		return usagef("--log-format %q: want text or json", o.logFormat)
	}
	log := slog.New(handler)
	token := o.token
	if token == "" {
		token = env.Getenv("CHRONICLE_TOKEN")
	}
	p, err := pipeline.Default(ro)
	if err != nil {
		return err
	}
	st, err := o.db.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()

	// An empty store gets the built-in corpus, so the first run shows
	// something; a store that holds it has it read again if an older build
	// read it (ingest leaves it alone otherwise).
	docs, err := st.Documents(ctx, storePage1())
	if err != nil {
		return err
	}
	var inputs []string
	if docs.Total == 0 {
		inputs = append(inputs, "")
	} else if _, err := st.Document(ctx, strings.TrimSuffix(corpus.Name, ".txt"), false); err == nil {
		inputs = append(inputs, "")
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if len(args) > 0 {
		more, err := collectInputs(args)
		if err != nil {
			return err
		}
		inputs = append(inputs, more...)
	}
	var tot ingestTotals
	for _, in := range inputs {
		r, err := ingestOne(ctx, p, st, env, in, "stdin")
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		tot.add(r)
	}
	if len(inputs) > 0 {
		log.Info("ingested", "added", tot.added, "replaced", tot.replaced, "unchanged", tot.unchanged, "events", tot.events)
	}

	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usagef("--addr %q: %v", o.addr, err)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", o.addr, err)
	}
	if host != "" && host != "127.0.0.1" && host != "localhost" && host != "::1" {
		log.Warn("listening beyond loopback: anyone who can reach this address can read the store", "addr", ln.Addr().String())
	}
	srv := serve.New(serve.Config{Store: st, Pipeline: p, Token: token, MaxUpload: maxUpload, Logger: log})
	url := "http://" + ln.Addr().String() + "/"
	if strings.HasPrefix(ln.Addr().String(), "[::]") || strings.HasPrefix(ln.Addr().String(), "0.0.0.0") {
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		url = "http://localhost:" + port + "/"
	}
	fmt.Fprintln(env.Stdout, url)
	log.Info("serving", "url", url, "api", url+"api/", "store", st.Location(), "backend", st.Backend(), "writes", token != "")
	return srv.Serve(ctx, ln)
}

func storePage1() store.Page { return store.Page{Limit: 1} }
