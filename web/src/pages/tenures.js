// Tenures: who held which office, when — a sortable table and the same
// tenures as bars on a time axis. With "at", the as-of question: who held
// the office then (certainly, or possibly given year-precise bounds).
import { Timeline } from "vis-timeline/peer";
import { DataSet } from "vis-data/peer";
import { h } from "../dom.js";
import { api } from "../api.js";
import { params, setParams, rerender, fmtInt, docHref, frames, showWindow, itemSpan } from "../util.js";
import { sortable } from "../table.js";
import { field, formValues } from "./filters.js";

export async function render(box, { signal }) {
  const p = params();
  box.dataset.title = "Tenures";
  box.appendChild(h("h1", null, "Tenures"));
  const form = h(
    "form",
    { class: "filters", "aria-label": "Filters" },
    field("Office", h("input", { name: "office", value: p.office || "", placeholder: "ambassador", size: 12 })),
    field("State", h("input", { name: "state", value: p.state || "", placeholder: "DEU", size: 6 })),
    field("Person", h("input", { name: "person", value: p.person || "", size: 12 })),
    field("In office at", h("input", { name: "at", value: p.at || "", placeholder: "1930-06", size: 8 })),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setParams(formValues(form));
    rerender();
  });
  box.appendChild(form);
  const res = await api("tenures", { office: p.office, state: p.state, person: p.person, at: p.at, limit: 1000 }, signal);
  const rows = res.tenures || [];
  box.appendChild(h("p", { class: "lede" }, `${fmtInt(res.total)} tenure${res.total === 1 ? "" : "s"}${p.at ? ` in office at ${p.at}` : ""}.`));
  const bars = h("div", { class: "timeline tenures", tabindex: "0", "aria-label": "Tenures as bars on a time axis; the table below lists them", data: { bars: 0 } });
  box.appendChild(bars);
  const cols = [
    { key: "person", label: "Person" },
    { key: "office", label: "Office" },
    { key: "state", label: "State" },
    { key: "start", label: "From", value: (t) => t.start_date || t.start },
    { key: "end", label: "To", value: (t) => t.end_date || t.end },
    { key: "source", label: "Source" },
    { key: "evidence", label: "Evidence", value: (t) => t.evidence?.text || "", cell: (t) => h("a", { href: docHref(t.document), class: "quote" }, t.evidence?.text || "") },
  ];
  if (p.at) cols.splice(5, 0, { key: "status", label: "Status" });
  const table = sortable("Tenures (press a column heading to sort)", cols, rows, { key: "start", dir: 1 });
  table.id = "tenures";
  box.appendChild(h("div", { class: "scroll" }, table));

  let tl = null;
  box.afterAttach = async () => {
    const items = [];
    const groups = new Map();
    rows.forEach((t, i) => {
      const s = t.start_date || dayOf(t.start);
      const e = t.end_date || dayOf(t.end, true);
      if (!s) return;
      const gid = `${t.state || ""} ${t.office}`.trim();
      if (!groups.has(gid)) groups.set(gid, { id: gid, label: gid });
      items.push({ id: i, start: s, end: e && e > s ? e : undefined, type: e && e > s ? "range" : "point", group: gid, label: t.person, className: t.status === "possible" ? "mod-hypothetical" : "sc-0" });
    });
    bars.dataset.bars = String(items.length);
    if (!items.length) {
      bars.appendChild(h("p", { class: "muted" }, "No tenure with a date to draw."));
      return;
    }
    let shown;
    const drawn = new Promise((resolve) => (shown = resolve));
    tl = new Timeline(bars, new DataSet(items), new DataSet([...groups.values()]), {
      stack: true,
      showCurrentTime: false,
      orientation: { axis: "both", item: "top" },
      maxHeight: 420,
      selectable: false,
      onInitialDrawComplete: () => shown(),
      template: (item) => {
        const s = document.createElement("span");
        s.textContent = item ? item.label : "";
        return s;
      },
      groupTemplate: (g) => {
        const s = document.createElement("span");
        if (g) s.textContent = g.label;
        return s;
      },
    });
    await drawn;
    await showWindow(tl, itemSpan(items));
    await frames(2);
  };
  return () => tl?.destroy();
}

function dayOf(v, end) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v || "");
  if (!m) return "";
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2]) return end ? new Date(Date.UTC(+m[1], +m[2], 0)).toISOString().slice(0, 10) : `${m[1]}-${m[2]}-01`;
  return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
}
