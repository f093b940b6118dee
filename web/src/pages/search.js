// Search: one box over sentences (full text), events, actors and treaties.
import { h, marked, termMarks } from "../dom.js";
import { api } from "../api.js";
import { params, setParams, rerender, eventHref, eventLabel, docHref, dateText, fmtInt } from "../util.js";

export async function render(box, { signal }) {
  const p = params();
  const q = (p.q || "").trim();
  box.dataset.title = q ? `Search: ${q}` : "Search";
  box.appendChild(h("h1", null, "Search"));
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "Rapallo, Molotov, non-aggression…", "aria-label": "Search words", autocomplete: "off", size: 30 });
  const form = h("form", { class: "filters searchbar", role: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setParams({ q: input.value.trim() });
    rerender();
  });
  box.appendChild(form);
  box.afterAttach = async () => input.focus();
  if (!q) {
    box.appendChild(h("p", { class: "muted" }, "Words are matched in every sentence of every document, and in the names of events, actors and treaties."));
    return;
  }
  const r = await api("search", { q, limit: 50 }, signal);
  const section = (id, title, list, item) =>
    h("section", { id, class: "results" }, h("h2", null, `${title} (${fmtInt(list.length)})`), list.length ? h("ol", { class: "plain" }, list.map(item)) : h("p", { class: "muted" }, "None."));
  const hl = (text) => marked(text || "", termMarks(text || "", q));
  box.appendChild(
    section("res-treaties", "Treaties", r.treaties || [], (t) => h("li", null, h("a", { href: t.events?.[0] ? eventHref(t.events[0]) : `/treaties?q=${encodeURIComponent(t.name)}` }, hl(t.name)), h("span", { class: "muted" }, ` signed ${t.signed || "?"} · ${(t.parties || []).join(", ")}`))),
  );
  box.appendChild(section("res-events", "Events", r.events || [], (e) => h("li", null, h("a", { href: eventHref(e.id) }, hl(eventLabel(e))), h("span", { class: "muted" }, ` ${dateText(e.date)}`), h("div", { class: "quote" }, hl(e.evidence?.text)))));
  box.appendChild(section("res-actors", "Actors", r.actors || [], (a) => h("li", null, h("a", { href: `/timeline?actor=${encodeURIComponent(a.id)}` }, hl(a.name)), h("span", { class: "muted" }, ` ${a.kind}${a.code ? " · " + a.code : ""} · ${fmtInt(a.events)} events`))));
  box.appendChild(section("res-sentences", "Sentences", r.sentences || [], (s) => h("li", null, h("a", { href: docHref(s.document, s.index) }, s.title || s.document), h("div", { class: "quote" }, hl(s.text)))));
}
