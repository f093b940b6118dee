package serve_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/chronicle-history/chronicle/internal/synth"
)

// TestBrowserTimeline10k measures how the timeline copes with a generated
// corpus of 10,000 events: time to fetch and draw them all, and time to
// zoom from five decades to two months, pan, and zoom back out. It
// reports the figures (t.Log and timeline-10k.json beside the
// screenshots); it asserts only that every event is on the timeline, not
// how fast — speed is measured, not pass/fail.
//
//	go test ./internal/serve/ -run TestBrowserTimeline10k -v
func TestBrowserTimeline10k(t *testing.T) {
	requireBundle(t)
	chromiumPath(t)
	if testing.Short() {
		t.Skip("generates and stores 10,000 events")
	}
	const events = 10000
	start := time.Now()
	e := newExplorer(t, synth.Document(10, 1, events))
	t.Logf("generated and stored %d events in %v", events, time.Since(start).Round(time.Millisecond))
	b := newBrowser(t, 1280, 800)
	ready := b.visit(e.url+"/timeline", "timeline")
	type figures struct {
		Items    int     `json:"items"`
		Ready    float64 `json:"page_ready_ms"`
		Fetch    float64 `json:"fetch_ms"`
		Render   float64 `json:"render_ms"`
		ZoomIn   float64 `json:"zoom_in_ms"`
		Pan      float64 `json:"pan_ms"`
		ZoomOut  float64 `json:"zoom_out_ms"`
		KeyPan   float64 `json:"key_pan_ms"`
		DOMItems int     `json:"dom_items_zoomed_in"`
	}
	// moveTo sets the window and resolves when the timeline has redrawn and
	// the browser painted it.
	const moveTo = `(from, to) => new Promise(resolve => {
		const tl = window.chronicleTimeline.timeline;
		const t0 = performance.now();
		tl.once("changed", () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))));
		window.chronicleTimeline.setWindow(Date.parse(from), Date.parse(to));
	})`
	f := evalJS[figures](b, `(async () => {
		const move = `+moveTo+`;
		const c = window.chronicleTimeline;
		const out = {items: c.items, fetch_ms: c.fetch_ms, render_ms: c.render_ms};
		out.zoom_in_ms = await move("1939-08-01", "1939-10-01");
		out.dom_items_zoomed_in = document.querySelectorAll(".timeline .vis-item").length;
		out.pan_ms = await move("1939-10-01", "1939-12-01");
		out.zoom_out_ms = await move("1898-01-01", "1951-01-01");
		const holder = document.querySelector(".timeline");
		holder.focus();
		const t0 = performance.now();
		await new Promise(resolve => {
			c.timeline.once("changed", () => requestAnimationFrame(() => requestAnimationFrame(resolve)));
			holder.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
		});
		out.key_pan_ms = performance.now() - t0;
		return out;
	})()`)
	f.Ready = ready.T
	for _, v := range []*float64{&f.Ready, &f.Fetch, &f.Render, &f.ZoomIn, &f.Pan, &f.ZoomOut, &f.KeyPan} {
		*v = math.Round(*v)
	}
	if f.Items != events {
		t.Errorf("the timeline holds %d items, want %d", f.Items, events)
	}
	if p := b.takeProblems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
	t.Logf("timeline with %d events: page ready %.0f ms (fetch %.0f ms, draw %.0f ms); zoom in %.0f ms (%d items drawn), pan %.0f ms, zoom out %.0f ms, arrow-key pan %.0f ms",
		f.Items, f.Ready, f.Fetch, f.Render, f.ZoomIn, f.DOMItems, f.Pan, f.ZoomOut, f.KeyPan)
	dir := outDir(t)
	b.screenshot(dir, "timeline-10k", false)
	writeFigures(t, dir, "timeline-10k.json", map[string]any{
		"what":    "timeline page with a generated corpus of 10,000 events (synth.Document), headless Chromium, loopback server; ms, each move measured until the redraw is painted",
		"command": "go test ./internal/serve/ -run TestBrowserTimeline10k -v",
		"figures": f,
	})
	_ = context.Background
}
