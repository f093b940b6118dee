package serve_test

// The browser tests drive Debian's Chromium through the DevTools protocol
// (chromedp) against a real server: a SQLite store filled by the real
// pipeline, the JSON API and the embedded pages. They wait on the pages'
// own readiness signal (<html data-ready="PAGE">), never on sleeps.
//
// They skip when Chromium or the built bundle (make web) is missing, and
// fail instead when the environment variable CI is set. CHRONICLE_CHROMIUM
// names another browser executable.
//
//	go test ./internal/serve/ -run Browser -v                       # check, figures in the log
//	go test ./internal/serve/ -run Browser -update-screenshots      # also refresh docs/screenshots

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/chronicle-history/chronicle/internal/serve"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the browser tests' screenshots and figures to docs/screenshots (committed) instead of a scratch folder")

// missing skips the test, or fails it on CI, where everything must be there.
func missing(t *testing.T, format string, a ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, a...)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so the browser tests must run; .ci/web.sh installs what they need)", msg)
	}
	t.Skip(msg)
}

// chromiumPath finds the browser: CHRONICLE_CHROMIUM, else Debian's chromium.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHRONICLE_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			missing(t, "CHRONICLE_CHROMIUM=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no Chromium found (apt-get install chromium, or set CHRONICLE_CHROMIUM)")
	return ""
}

// requireBundle checks that the pages were built into this test binary.
func requireBundle(t *testing.T) {
	t.Helper()
	w, err := serve.NewWeb(serve.WebOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !w.Built() {
		missing(t, "the web bundle is not built (make web)")
	}
}

// repoRoot walks up from the test's directory to go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = up
	}
}

// outDir is where screenshots and figures go: docs/screenshots with
// -update-screenshots, else a git-ignored scratch folder.
func outDir(t *testing.T) string {
	t.Helper()
	d := filepath.Join(repoRoot(t), "testdata", "screenshots", "tmp")
	if *updateScreenshots {
		d = filepath.Join(repoRoot(t), "docs", "screenshots")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// browser is one headless Chromium tab that records every console error,
// uncaught exception, failed load or CSP violation and every dialog.
type browser struct {
	t        *testing.T
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	dialogs  []string
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(width, height),
	}
	b := &browser{t: t}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithListener(b.listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b.ctx = ctx
	// Answer dialogs (there should be none; an alert means a script ran).
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			b.mu.Unlock()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		missing(t, "cannot start Chromium (%s): %v", exe, err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatal(err)
	}
	return b
}

// listen records problems; it runs in the tab's message loop, so it only
// appends to a list.
func (b *browser) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if os.Getenv("CHRONICLE_DEBUG") != "" {
			for _, a := range e.Args {
				fmt.Fprintf(os.Stderr, "console: %s %s\n", a.Value, a.Description)
			}
		}
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			b.problem("console.%s: %s", e.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		b.problem("exception: %s (%s:%d)", msg, d.URL, d.LineNumber)
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			b.problem("log: %s %s", e.Entry.Text, e.Entry.URL)
		}
	}
}

func (b *browser) problem(format string, a ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, a...))
}

// takeProblems returns and forgets what went wrong since the last call.
func (b *browser) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

// takeDialogs returns and forgets the dialogs the pages opened.
func (b *browser) takeDialogs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	d := b.dialogs
	b.dialogs = nil
	return d
}

// stepTimeout bounds one browser step, so a missing element fails the
// test quickly instead of waiting for the whole test's deadline.
const stepTimeout = 45 * time.Second

func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v (problems so far: %v)", err, b.takeProblems())
	}
}

// readiness is what a page reports when it has drawn its data.
type readiness struct {
	Page  string  `json:"page"`
	T     float64 `json:"t"`     // ms from navigation start to ready
	Took  float64 `json:"took"`  // ms from the route starting to ready
	Error string  `json:"error"` // the page's own error message, if any
	DCL   float64 `json:"dcl"`   // DOMContentLoaded end, from navigation timing
}

// waitReady waits until the page says it is ready as pageName, and fails
// on a page error.
func (b *browser) waitReady(pageName string) readiness {
	b.t.Helper()
	if err := b.poll(fmt.Sprintf(`document.documentElement.dataset.ready === %q`, pageName)); err != nil {
		got, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.documentElement.dataset.ready||"") + " " + (document.documentElement.dataset.error||"")`))
		b.t.Fatalf("page %s never became ready (ready/error: %q): %v; problems: %v", pageName, got, err, b.takeProblems())
	}
	r := evalJS[readiness](b, `({page: (window.chronicleReady||{}).page, t: (window.chronicleReady||{}).t, took: (window.chronicleReady||{}).took,
		error: document.documentElement.dataset.error || "",
		dcl: (performance.getEntriesByType("navigation")[0]||{}).domContentLoadedEventEnd || 0})`)
	if r.Error != "" {
		b.t.Fatalf("page %s reports an error: %s", pageName, r.Error)
	}
	return r
}

// poll waits until the expression is true (checked on every animation
// frame, at most stepTimeout).
func (b *browser) poll(expr string) error {
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(stepTimeout)))
	return err
}

// visit loads url fresh and waits for the page to be ready.
func (b *browser) visit(url, pageName string) readiness {
	b.t.Helper()
	b.do(chromedp.Navigate(url))
	return b.waitReady(pageName)
}

// screenshot writes the viewport (or the full page) as name.png.
func (b *browser) screenshot(dir, name string, full bool) {
	b.t.Helper()
	act := chromedp.CaptureScreenshot()
	if full {
		act = chromedp.FullScreenshot(90)
	}
	png, err := chromedp.Run(b.ctx, act)
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// evalJS evaluates js in the page (awaiting a promise) and decodes the result.
func evalJS[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %.80s: %v (problems: %v)", js, err, b.takeProblems())
	}
	return v
}

// writeFigures writes measured figures as indented JSON beside the screenshots.
func writeFigures(t *testing.T, dir, name string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
