// util.js: small helpers shared by the pages — how a score is coloured,
// how an event, a date or an actor list is named.
import { h } from "./dom.js";

// scoreClass buckets a PLOVER score (−10 conflict .. +10 cooperation) into
// one of nine colour classes, sc-m4 (conflict) .. sc-0 .. sc-p4 (cooperation).
export function scoreClass(score) {
  const b = Math.max(-4, Math.min(4, Math.round((Number(score) || 0) / 2.5)));
  return b < 0 ? `sc-m${-b}` : b > 0 ? `sc-p${b}` : "sc-0";
}

// scoreColor is the same scale as a colour, for canvases (charts, graph).
export function scoreColor(score) {
  const t = Math.max(-1, Math.min(1, (Number(score) || 0) / 10));
  // conflict: red, neutral: grey, cooperation: blue (safe for red–green blindness).
  const from = [110, 110, 120];
  const to = t < 0 ? [196, 40, 40] : [30, 100, 200];
  const a = Math.abs(t);
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// modalityClass marks events that did not (certainly) happen.
export function modalityClass(m) {
  return m && m !== "asserted" ? `mod-${m}` : "";
}

// eventLabel is a short name for an event: its own name, else its coding.
export function eventLabel(e) {
  if (e.name) return e.name;
  const who = (e.actor_names?.length ? e.actor_names : e.actor || []).join(", ");
  const whom = (e.recipient_names?.length ? e.recipient_names : e.recipient || []).join(", ");
  const what = (e.subtype || e.type || "").toLowerCase().replace(/[._]/g, " ");
  return [who, what, whom].filter(Boolean).join(" · ");
}

// dateText is an event's date as the text put it, with precision.
export function dateText(d) {
  if (!d) return "";
  const v = d.end ? `${d.value} – ${d.end}` : d.value;
  return d.precision && d.precision !== "day" ? `${v} (${d.precision})` : v;
}

// names lists actor names (or ids when names are missing).
export function names(ids, nm) {
  return (nm && nm.length ? nm : ids || []).join(", ");
}

// modalityBadge shows a non-asserted modality visibly.
export function modalityBadge(m) {
  if (!m || m === "asserted") return null;
  return h("span", { class: ["badge", `mod-${m}`] }, m);
}

// scoreBadge shows a score with its colour class.
export function scoreBadge(score) {
  const s = Number(score) || 0;
  return h("span", { class: ["score", scoreClass(s)], title: "PLOVER score, −10 conflict … +10 cooperation" }, (s > 0 ? "+" : "") + s.toFixed(1));
}

// eventLink links to an event's page.
export function eventHref(id) {
  return "/events/" + encodeURIComponent(id);
}

export function docHref(id, sentence) {
  return "/documents/" + encodeURIComponent(id) + (sentence !== undefined && sentence !== null ? `?s=${sentence}#s-${sentence}` : "");
}

// params reads the page's query string into a plain object (repeated keys
// become arrays).
export function params() {
  const out = {};
  for (const [k, v] of new URLSearchParams(location.search)) {
    if (k in out) out[k] = [].concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

// setParams writes the page's filters into the URL without a new history entry.
export function setParams(p) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === null || v === "") continue;
    [].concat(v).forEach((x) => x !== "" && q.append(k, x));
  }
  const s = q.toString();
  history.replaceState(history.state, "", location.pathname + (s ? "?" + s : ""));
}

// fmtInt formats a count.
export function fmtInt(n) {
  return Number(n || 0).toLocaleString("en");
}

// isTyping tells whether a key press belongs to a text field.
export function isTyping(ev) {
  const t = ev.target;
  if (!t || !t.tagName) return false;
  const tag = t.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || t.isContentEditable;
}

// go asks the shell (main.js) to show another page without a reload.
export function go(url) {
  window.dispatchEvent(new CustomEvent("chronicle:navigate", { detail: url }));
}

// rerender asks the shell to draw the current page again (new filters).
export function rerender() {
  window.dispatchEvent(new CustomEvent("chronicle:rerender"));
}

// frames resolves after n animation frames: the timeline's "changed"
// event comes before the browser has painted what it drew.
export function frames(n) {
  return new Promise((resolve) => {
    const step = (k) => (k <= 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });
}

// showWindow moves the timeline to span and resolves when it has redrawn.
export function showWindow(timeline, span) {
  return new Promise((resolve) => {
    const w = timeline.getWindow();
    if (+w.start === +span.start && +w.end === +span.end) return resolve();
    timeline.once("changed", () => resolve());
    timeline.setWindow(span.start, span.end, { animation: false });
  });
}

// itemSpan is the window that shows every item, with a little room.
export function itemSpan(items) {
  if (!items.length) {
    const now = Date.now();
    return { start: new Date(now - 365 * 864e5), end: new Date(now) };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    const a = Date.parse(it.start);
    const z = it.end ? Date.parse(it.end) : a;
    if (a < lo) lo = a;
    if (z > hi) hi = z;
  }
  const pad = Math.max((hi - lo) * 0.03, 15 * 864e5);
  return { start: new Date(lo - pad), end: new Date(hi + pad) };
}
