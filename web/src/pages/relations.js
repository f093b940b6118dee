// Relations: the cooperation–conflict index of one pair of actors, period
// by period, with named events (treaties, invasions) marked on the curve.
// Choosing a point (click, or the table below) lists the events behind it.
import uPlot from "uplot";
import { h, clear } from "../dom.js";
import { api, allEvents, eventsByIds, ApiError } from "../api.js";
import { params, setParams, eventLabel, dateText, scoreBadge, modalityBadge, eventHref, scoreColor, rerender, fmtInt } from "../util.js";
import { actorList, field, periodFields, formValues } from "./filters.js";

export async function render(box, { signal }) {
  const p = params();
  const actors = await api("actors", { limit: 1000 }, signal);
  const states = (actors.actors || []).filter((a) => a.kind === "state");
  const a = p.a || states[0]?.code || states[0]?.id || "";
  const b = p.b || states[1]?.code || states[1]?.id || "";
  const by = ["year", "quarter", "month"].includes(p.by) ? p.by : "year";
  box.dataset.title = "Relations";
  box.appendChild(h("h1", null, "Relations"));
  const form = h(
    "form",
    { class: "filters", "aria-label": "Pair and period" },
    actorList("rel-actors", actors.actors || []),
    field("Actor A", h("input", { name: "a", value: a, list: "rel-actors", size: 10, required: true, autocomplete: "off" })),
    field("Actor B", h("input", { name: "b", value: b, list: "rel-actors", size: 10, required: true, autocomplete: "off" })),
    field("By", h("select", { name: "by" }, ["year", "quarter", "month"].map((x) => h("option", { value: x, selected: x === by }, x)))),
    field(
      "Verbal events count",
      h(
        "select",
        { name: "verbal" },
        [
          ["", "half (default)"],
          ["1", "fully"],
          ["0", "not at all"],
        ].map(([v, l]) => h("option", { value: v, selected: (p.verbal || "") === v }, l)),
      ),
    ),
    ...periodFields(p),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setParams(formValues(form));
    rerender();
  });
  box.appendChild(form);
  if (!a || !b) {
    box.appendChild(h("p", null, "Choose two actors."));
    return;
  }
  // Ask for the series only for names the store knows; say so otherwise.
  const unknown = [a, b].filter((x) => !knows(actors.actors || [], x));
  if (unknown.length) {
    box.appendChild(h("p", { class: "error", role: "alert" }, `No stored actor is called ${unknown.map((x) => `“${x}”`).join(" or ")}. Try a state code (DEU), a name or an alias.`));
    return;
  }
  let series;
  try {
    series = await api("relations", { a, b, by, from: p.from, to: p.to, verbal: p.verbal, ids: 300 }, signal);
  } catch (err) {
    // A name the store does not know is the reader's slip, not a failure.
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    box.appendChild(h("p", { class: "error", role: "alert" }, err.message));
    return;
  }
  const [named, treaties] = await Promise.all([
    allEvents({ pair: `${a},${b}`, from: p.from, to: p.to, overlap: p.from || p.to ? "true" : "" }, signal),
    api("treaties", { party: [a, b], from: p.from, to: p.to, limit: 1000 }, signal).catch(() => ({ treaties: [] })),
  ]);
  const points = series.points || [];
  const markers = namedMarkers(named.events, treaties.treaties || []);
  box.appendChild(
    h(
      "p",
      { class: "lede" },
      `${series.a} – ${series.b}, by ${series.by}: ${fmtInt(points.length)} period${points.length === 1 ? "" : "s"} with events`,
      series.unplaced?.length ? `; ${fmtInt(series.unplaced.length)} event${series.unplaced.length === 1 ? "" : "s"} dated too coarsely for one ${series.by} left out` : "",
      ".",
    ),
  );
  box.appendChild(h("p", { class: "weighting" }, h("strong", null, "Weighting: "), series.weighting || "sum of the PLOVER scores of asserted events between the two, both directions"));

  const chartBox = h("div", { class: "chart", tabindex: "0", role: "img", "aria-label": `Relations index of ${series.a} and ${series.b}; use the table below to choose a period`, data: { points: points.length, markers: markers.length } });
  box.appendChild(chartBox);
  box.appendChild(
    h(
      "p",
      { class: "legend" },
      h("span", { class: ["swatch", "sc-p4"] }, "cooperation above zero"),
      h("span", { class: ["swatch", "sc-m4"] }, "conflict below zero"),
      h("span", { class: ["swatch", "marker-swatch"] }, "named event"),
      " · Click a point, or press ← → and Enter on the chart, to list its events.",
    ),
  );
  const list = h("section", { class: "panel", id: "rel-events", "aria-live": "polite" }, h("p", { class: "muted" }, "Choose a period to list the events behind it."));

  const showPeriod = async (i) => {
    const pt = points[i];
    if (!pt) return;
    delete list.dataset.ready;
    clear(list);
    list.appendChild(h("h2", null, `${pt.period}: score ${pt.score.toFixed(1)}, ${pt.count} event${pt.count === 1 ? "" : "s"}`));
    const ids = (pt.events || []).slice(0, 300);
    const evs = await eventsByIds(ids, signal);
    list.appendChild(
      h(
        "ol",
        { class: "events" },
        evs.map((e) => h("li", null, h("a", { href: eventHref(e.id) }, eventLabel(e)), " ", scoreBadge(e.score), " ", modalityBadge(e.modality), h("span", { class: "muted" }, ` ${dateText(e.date)}`), h("div", { class: "quote" }, e.evidence?.text || ""))),
      ),
    );
    if ((pt.events || []).length > ids.length) list.appendChild(h("p", { class: "muted" }, `and ${pt.events.length - ids.length} more`));
    list.dataset.ready = pt.period;
  };

  // The points as a table: readable, sortable by eye, and keyboard friendly.
  const table = h(
    "table",
    { class: "data" },
    h("caption", null, "Index by period"),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Period"), h("th", { scope: "col", class: "num" }, "Score"), h("th", { scope: "col", class: "num" }, "Events"), h("th", { scope: "col", class: "num" }, "Cooperation"), h("th", { scope: "col", class: "num" }, "Conflict"), h("th", { scope: "col" }, "Named events"))),
    h(
      "tbody",
      null,
      points.map((pt, i) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, h("button", { type: "button", class: "linklike", on: { click: () => showPeriod(i) } }, pt.period)),
          h("td", { class: "num" }, scoreBadge(pt.score)),
          h("td", { class: "num" }, String(pt.count)),
          h("td", { class: "num" }, String(pt.cooperation ?? "")),
          h("td", { class: "num" }, String(pt.conflict ?? "")),
          h("td", null, markers.filter((m) => m.date >= pt.start && m.date <= pt.end).map((m) => m.label).join("; ")),
        ),
      ),
    ),
  );
  box.appendChild(
    h(
      "section",
      { class: "markers" },
      h("h2", null, "Named events"),
      markers.length
        ? h(
            "ol",
            { class: "plain", id: "rel-markers" },
            markers.map((m) => h("li", { data: { year: m.date.slice(0, 4), date: m.date } }, h("time", { datetime: m.date }, m.date), " ", m.href ? h("a", { href: m.href }, m.label) : m.label)),
          )
        : h("p", { class: "muted" }, "No named events between these two."),
    ),
  );
  box.appendChild(list);
  box.appendChild(h("div", { class: "scroll" }, table));

  let plot = null;
  box.afterAttach = async () => {
    if (!points.length) {
      chartBox.appendChild(h("p", { class: "muted" }, "No asserted events between these two in this period."));
      return;
    }
    const xs = points.map((pt) => mid(pt.start, pt.end));
    const ys = points.map((pt) => pt.score);
    const width = () => Math.max(280, chartBox.clientWidth || 600);
    const height = () => (window.innerWidth < 600 ? 260 : 340);
    let cursorIdx = points.length - 1;
    const markerPlugin = {
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
            ctx.textBaseline = "top";
            ctx.textAlign = "left"; // uPlot leaves the axes' alignment set
            const inView = [];
            for (const m of markers) {
              const x = u.valToPos(dayTs(m.date), "x", true);
              if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
              inView.push({ m, x });
              ctx.strokeStyle = "rgba(120, 80, 0, 0.7)";
              ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
            }
            // Labels, treaties first, take the first of four rows where they
            // overlap no other label; a marker with no room keeps its line
            // only (the list below the chart names every one).
            const rows = [[], [], [], []];
            const gap = 6 * devicePixelRatio;
            inView.sort((p, q) => (q.m.major ? 1 : 0) - (p.m.major ? 1 : 0) || p.x - q.x);
            ctx.fillStyle = "rgb(100, 60, 0)";
            for (const { m, x } of inView) {
              const w = ctx.measureText(m.short).width;
              const lx = Math.min(x + 3 * devicePixelRatio, u.bbox.left + u.bbox.width - w);
              const row = rows.findIndex((r) => r.every(([a, z]) => lx + w + gap <= a || lx >= z + gap));
              if (row < 0) continue;
              rows[row].push([lx, lx + w]);
              ctx.fillText(m.short, lx, u.bbox.top + row * 13 * devicePixelRatio);
            }
            ctx.restore();
          },
        ],
      },
    };
    const opts = {
      width: width(),
      height: height(),
      plugins: [markerPlugin],
      scales: { x: { time: true } },
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 10 } },
      axes: [{}, { label: "index (sum of scores)", size: 60 }],
      series: [
        {},
        {
          label: "index",
          stroke: "rgb(60,60,70)",
          width: 1.5,
          points: { show: true, size: 8, fill: (u, si) => "white" },
        },
      ],
      hooks: {
        drawSeries: [
          (u) => {
            // Colour each point by its sign on top of the line.
            const ctx = u.ctx;
            ctx.save();
            for (let i = 0; i < xs.length; i++) {
              const x = u.valToPos(xs[i], "x", true);
              const y = u.valToPos(ys[i], "y", true);
              ctx.fillStyle = scoreColor(Math.sign(ys[i]) * Math.min(10, 3 + Math.abs(ys[i])));
              ctx.beginPath();
              ctx.arc(x, y, 4.5 * devicePixelRatio, 0, 2 * Math.PI);
              ctx.fill();
            }
            ctx.restore();
          },
        ],
      },
    };
    plot = new uPlot(opts, [xs, ys], chartBox);
    chartBox.dataset.drawn = String(xs.length);
    plot.over.addEventListener("click", () => {
      const i = plot.cursor.idx;
      if (i !== null && i !== undefined) {
        cursorIdx = i;
        showPeriod(i);
      }
    });
    chartBox.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
        ev.preventDefault();
        cursorIdx = Math.max(0, Math.min(points.length - 1, cursorIdx + (ev.key === "ArrowLeft" ? -1 : 1)));
        plot.setCursor({ left: plot.valToPos(xs[cursorIdx], "x"), top: plot.valToPos(ys[cursorIdx], "y") });
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        showPeriod(cursorIdx);
      }
    });
    const onResize = () => plot?.setSize({ width: width(), height: height() });
    window.addEventListener("resize", onResize);
    signal.addEventListener("abort", () => window.removeEventListener("resize", onResize));
  };
  return () => plot?.destroy();
}

// knows tells whether name is an actor's id, code, name or alias.
function knows(actors, name) {
  const n = name.trim().toLowerCase();
  return actors.some((x) => [x.id, x.code, x.name, ...(x.aliases || [])].some((v) => (v || "").toLowerCase() === n));
}

function dayTs(iso) {
  return Date.parse(iso + "T00:00:00Z") / 1000;
}

function mid(a, b) {
  return (dayTs(a) + dayTs(b)) / 2;
}

// namedMarkers picks the events worth marking on the curve: those with a
// name (a treaty signed, an operation launched) and a calendar date, and
// the treaties between the pair; one marker per name and date.
function namedMarkers(events, treaties) {
  const seen = new Set();
  const out = [];
  const add = (date, label, href, major) => {
    if (!date || !/^\d{4}/.test(date)) return;
    const key = label.toLowerCase() + "|" + date.slice(0, 7);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ date, label, short: label.length > 28 ? label.slice(0, 27) + "…" : label, href, major: !!major });
  };
  for (const t of treaties) add(isoDay(t.signed), t.name, t.events?.[0] ? eventHref(t.events[0]) : null, true);
  for (const e of events) if (e.name && e.modality === "asserted") add(e.date?.start_date, e.name, eventHref(e.id));
  out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return out;
}

function isoDay(v) {
  if (!v) return "";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v);
  if (!m) return "";
  return `${m[1]}-${m[2] || "01"}-${m[3] || "01"}`;
}
