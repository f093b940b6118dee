// Timeline: every event on one zoomable, pannable axis (decades down to
// days), grouped by actor pair or by event type, coloured from cooperation
// to conflict; negated and hypothetical events drawn hollow and dashed.
// Clicking an event shows its evidence sentence in its paragraph.
import { Timeline } from "vis-timeline/peer";
import { DataSet } from "vis-data/peer";
import { h, clear } from "../dom.js";
import { api, allEvents } from "../api.js";
import { eventLabel, scoreClass, modalityClass, params, setParams, fmtInt, eventHref, go, rerender, frames, showWindow, itemSpan } from "../util.js";
import { actorList, field, periodFields, formValues, modalities } from "./filters.js";
import { evidenceBlock } from "./evidence.js";
import { LevelOfDetail } from "./lod.js";

export async function render(box, { signal, status }) {
  const p = params();
  const groupBy = p.group || "pair";
  const [stats, actors] = await Promise.all([api("stats", null, signal), api("actors", { limit: 1000 }, signal)]);
  box.dataset.title = "Timeline";
  box.appendChild(h("h1", null, "Timeline"));

  const chosenMods = p.modality ? [].concat(p.modality).flatMap((m) => m.split(",")) : [];
  const chosenTypes = p.type ? [].concat(p.type).flatMap((m) => m.split(",")) : [];
  const form = h(
    "form",
    { class: "filters", "aria-label": "Filters" },
    actorList("tl-actors", actors.actors || []),
    field("Actor", h("input", { name: "actor", value: [].concat(p.actor || [])[0] || "", list: "tl-actors", placeholder: "DEU, Molotov…", size: 12, autocomplete: "off" })),
    field("Pair", h("input", { name: "pair", value: p.pair || "", list: "tl-actors", placeholder: "DEU,SUN", size: 10, autocomplete: "off" })),
    field(
      "Type",
      h(
        "select",
        { name: "type" },
        h("option", { value: "" }, "all types"),
        (stats.event_types || []).map((t) => {
          const v = t.type ?? t.value;
          return h("option", { value: v, selected: chosenTypes.includes(v) }, `${v} (${t.count})`);
        }),
      ),
    ),
    h(
      "fieldset",
      { class: "field checks" },
      h("legend", null, "Modality"),
      modalities.map((m) => h("label", null, h("input", { type: "checkbox", name: "modality", value: m, checked: chosenMods.length === 0 || chosenMods.includes(m) }), " ", m)),
    ),
    ...periodFields(p),
    field(
      "Group by",
      h(
        "select",
        { name: "group" },
        [
          ["pair", "actor pair"],
          ["type", "event type"],
          ["none", "nothing"],
        ].map(([v, l]) => h("option", { value: v, selected: v === groupBy }, l)),
      ),
    ),
    h("button", { type: "submit" }, "Show"),
  );
  // On a phone the filters fold away under their summary.
  box.appendChild(h("details", { class: "filterbox", open: window.innerWidth > 700 || undefined }, h("summary", null, "Filters"), form));

  const filters = {
    actor: p.actor,
    pair: p.pair,
    type: chosenTypes.join(","),
    modality: chosenMods.length && chosenMods.length < modalities.length ? chosenMods.join(",") : "",
    from: p.from,
    to: p.to,
    overlap: p.from || p.to ? "true" : "",
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = formValues(form);
    const mods = [].concat(v.modality || []);
    if (mods.length === modalities.length) delete v.modality;
    setParams(v);
    // Re-render the page with the new filters.
    rerender();
  });

  const t0 = performance.now();
  const { total, events } = await allEvents(filters, signal, (n, t) => status(`Loading events ${fmtInt(n)} / ${fmtInt(t)}…`));
  const tFetch = performance.now() - t0;
  status("");

  const legend = h(
    "p",
    { class: "legend" },
    "Colour: ",
    h("span", { class: ["swatch", "sc-m4"] }, "conflict"),
    h("span", { class: ["swatch", "sc-0"] }, "neutral"),
    h("span", { class: ["swatch", "sc-p4"] }, "cooperation"),
    " · ",
    h("span", { class: ["swatch", "sc-0", "mod-negated"] }, "negated"),
    h("span", { class: ["swatch", "sc-0", "mod-hypothetical"] }, "hypothetical"),
    h("span", { class: ["swatch", "sc-0", "mod-disputed"] }, "disputed"),
  );
  box.appendChild(legend);

  const items = [];
  const groups = new Map();
  let unplaced = 0;
  const byId = new Map();
  for (const e of events) {
    const d = e.date || {};
    if (!d.start_date) {
      unplaced++;
      continue;
    }
    const g = groupKey(e, groupBy);
    if (g !== null && !groups.has(g.id)) groups.set(g.id, { id: g.id, label: g.label, n: 0 });
    if (g) groups.get(g.id).n++;
    const end = d.end_date && d.end_date !== d.start_date ? dayAfter(d.end_date) : null;
    byId.set(e.id, e);
    const sMs = Date.parse(d.start_date + "T00:00:00Z");
    items.push({
      id: e.id,
      s: sMs,
      e: end ? Date.parse(end + "T00:00:00Z") : sMs,
      score: e.score,
      start: d.start_date,
      end: end || undefined,
      type: end ? "range" : "point",
      group: g ? g.id : undefined,
      label: groupBy === "pair" ? pairLabel(e) : eventLabel(e),
      className: [scoreClass(e.score), modalityClass(e.modality), d.precision && d.precision !== "day" ? "imprecise" : ""].filter(Boolean).join(" "),
    });
  }
  items.sort((a, b) => a.s - b.s);
  // Many pairs: the busiest keep a row each, the rest share one.
  const maxRows = 25;
  if (groups.size > maxRows + 1) {
    const keep = new Set([...groups.values()].sort((a, b) => b.n - a.n).slice(0, maxRows).map((g) => g.id));
    const other = { id: "~other", label: groupBy === "pair" ? "Other pairs" : "Other", n: 0, last: true };
    for (const it of items) {
      if (!keep.has(it.group)) {
        it.group = other.id;
        other.n++;
      }
    }
    for (const id of [...groups.keys()]) if (!keep.has(id)) groups.delete(id);
    groups.set(other.id, other);
  }

  const summary = h(
    "p",
    { class: "summary", id: "tl-summary" },
    `${fmtInt(items.length)} event${items.length === 1 ? "" : "s"} on the timeline`,
    unplaced ? `, ${fmtInt(unplaced)} without a calendar date not shown` : "",
    total !== events.length ? ` (the server reported ${fmtInt(total)})` : "",
    ". Drag or use ← → to pan, scroll or + − to zoom, n / p to step through events, Enter to open one.",
  );
  box.appendChild(summary);
  const holder = h("div", {
    class: "timeline",
    tabindex: "0",
    role: "application",
    "aria-label": "Timeline of events. Arrow keys pan, plus and minus zoom, n and p select the next or previous event, Enter opens it.",
    "aria-describedby": "tl-summary",
    data: { items: items.length, unplaced, total },
  });
  box.appendChild(holder);
  const detailNote = h("p", { class: "summary", id: "tl-lod", "aria-live": "polite" });
  box.appendChild(detailNote);
  const panel = h("section", { class: "panel", id: "tl-detail", "aria-live": "polite" }, h("p", { class: "muted" }, "Select an event to see the sentence that reports it."));
  box.appendChild(panel);

  let timeline = null;
  let selected = -1;
  const showDetail = async (id) => {
    const e = byId.get(id);
    if (!e) return;
    delete panel.dataset.ready;
    clear(panel);
    panel.appendChild(h("p", { class: "loading" }, "Loading evidence…"));
    try {
      const ctx = await api("events/" + encodeURIComponent(id), null, signal);
      clear(panel);
      panel.appendChild(h("h2", null, h("a", { href: eventHref(id) }, eventLabel(ctx.event))));
      panel.appendChild(evidenceBlock(ctx));
      panel.dataset.ready = id;
    } catch (err) {
      if (err.name === "AbortError") return;
      clear(panel);
      panel.appendChild(h("p", { class: "error", role: "alert" }, `Could not load the evidence: ${err.message}`));
    }
  };

  box.afterAttach = async () => {
    if (!items.length) {
      holder.appendChild(h("p", { class: "empty" }, events.length ? "None of these events has a calendar date to place." : "No events match these filters."));
      return;
    }
    const tr0 = performance.now();
    const data = new DataSet();
    const lod = new LevelOfDetail(items, data);
    let stacked = true;
    const refresh = (w) => {
      const r = lod.update(+w.start, +w.end);
      // Bins never overlap in time: stacking them would only cost time.
      if (timeline && stacked !== (r.mode === "events")) {
        stacked = r.mode === "events";
        timeline.setOptions({ stack: stacked });
      }
      detailNote.textContent =
        r.mode === "events" ? `Showing single events (${fmtInt(r.shown)} near this window).` : `Too many events to show one by one here: boxes count them per ${r.unit}, coloured by mean score. Click a box or zoom in to see single events.`;
      holder.dataset.mode = r.mode;
    };
    // No start/end in the options: with them the timeline stays hidden
    // until a timer after its first range change. The window is set below.
    const span = itemSpan(items);
    const span0 = span;
    const opts = {
      stackSubgroups: false,
      showCurrentTime: false,
      zoomMin: 1000 * 60 * 60 * 24 * 3, // three days
      zoomMax: 1000 * 60 * 60 * 24 * 365 * 200, // two centuries
      orientation: { axis: "both", item: "top" },
      margin: { item: { horizontal: 2, vertical: 3 } },
      maxHeight: Math.max(360, Math.round(window.innerHeight * 0.62)),
      selectable: true,
      multiselect: false,
      tooltip: { followMouse: false },
      // Text only: labels go in through textContent, never as HTML.
      template: (item) => {
        const s = document.createElement("span");
        s.textContent = item ? item.label : "";
        return s;
      },
      groupTemplate: (group) => {
        const s = document.createElement("span");
        if (group) s.textContent = `${group.label} (${group.n})`;
        return s;
      },
      groupOrder: (a, b) => (a.last ? 1 : 0) - (b.last ? 1 : 0) || b.n - a.n || (a.label < b.label ? -1 : 1),
      xss: { disabled: false },
    };
    refresh(span);
    stacked = lod.mode === "events";
    opts.stack = stacked;
    // The timeline stays hidden until its first full draw is complete.
    const shown = new Promise((resolve) => (opts.onInitialDrawComplete = resolve));
    if (groups.size && groupBy !== "none") timeline = new Timeline(holder, data, new DataSet([...groups.values()]), opts);
    else timeline = new Timeline(holder, data, opts);
    await shown;
    await showWindow(timeline, span);
    await frames(2);
    const tRender = performance.now() - tr0;
    holder.dataset.renderMs = tRender.toFixed(0);
    timeline.on("rangechanged", (w) => refresh(w));
    const setWindow = (a, z) => {
      timeline.setWindow(new Date(a), new Date(z), { animation: false });
      refresh({ start: a, end: z });
    };
    // For tests and measurements: the timeline and how it moves.
    window.chronicleTimeline = { timeline, lod, setWindow, fetch_ms: tFetch, render_ms: tRender, items: items.length, represented: () => lod.represented() };
    timeline.on("select", (props) => {
      const id = props.items[0];
      if (typeof id === "string" && id.startsWith("bin:")) {
        // A box of many events: zoom in to its period.
        const b = data.get(id).bin;
        timeline.setSelection([]);
        setWindow(b.start - (b.end - b.start) * 0.1, b.end + (b.end - b.start) * 0.1);
        return;
      }
      selected = items.findIndex((x) => x.id === id);
      if (id) showDetail(id);
    });
    timeline.on("doubleClick", (props) => {
      if (props.item && !String(props.item).startsWith("bin:")) go(eventHref(props.item));
    });
    holder.addEventListener("keydown", (ev) => {
      const w = timeline.getWindow();
      const span = w.end - w.start;
      const move = (frac) => setWindow(+w.start + span * frac, +w.end + span * frac);
      const zoom = (f) => {
        const mid = (+w.start + +w.end) / 2;
        setWindow(mid - (span * f) / 2, mid + (span * f) / 2);
      };
      const step = (d) => {
        if (!items.length) return;
        selected = selected < 0 ? (d > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, selected + d));
        const it = items[selected];
        // Centre the event; where events are counted in boxes, zoom to two months.
        const half = lod.mode === "events" ? span / 2 : 30 * 864e5;
        setWindow(it.s - half, it.s + half);
        timeline.setSelection([it.id]);
        showDetail(it.id);
      };
      const keys = {
        ArrowLeft: () => move(-0.2),
        ArrowRight: () => move(0.2),
        "+": () => zoom(0.5),
        "=": () => zoom(0.5),
        "-": () => zoom(2),
        Home: () => setWindow(+span0.start, +span0.end),
        n: () => step(1),
        p: () => step(-1),
        Enter: () => selected >= 0 && go(eventHref(items[selected].id)),
      };
      const fn = keys[ev.key];
      if (fn) {
        ev.preventDefault();
        fn();
      }
    });
  };
  return () => timeline?.destroy();
}

function dayAfter(iso) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// pairLabel names an event inside its pair's row: the row names the pair,
// so the label says who acted and what they did.
function pairLabel(e) {
  if (e.name) return e.name;
  const who = (e.actor || [])[0] || "";
  const whom = (e.recipient || [])[0] || "";
  const what = (e.subtype || e.type || "").toLowerCase().replace(/[._]/g, " ");
  return `${who}${whom ? " → " + whom : ""} ${what}`.trim();
}

function groupKey(e, by) {
  if (by === "none") return null;
  if (by === "type") return { id: e.type || "?", label: e.type || "?" };
  const a = (e.actor_names?.length ? e.actor_names : e.actor || [])[0] || "?";
  const b = (e.recipient_names?.length ? e.recipient_names : e.recipient || [])[0];
  if (!b) return { id: "1:" + a, label: a };
  const [x, y] = a < b ? [a, b] : [b, a];
  return { id: "2:" + x + "|" + y, label: `${x} – ${y}` };
}
