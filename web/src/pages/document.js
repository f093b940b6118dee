// Document: a stored text in full, its sections and paragraphs, with one
// sentence highlighted (?s=N, or the sentence holding byte ?at=N) and the
// date expressions, actor mentions and coded events marked.
import { h, byteIndex, marked } from "../dom.js";
import { api } from "../api.js";
import { eventHref, eventLabel, fmtInt } from "../util.js";

export async function render(box, { id, signal }) {
  const q = new URLSearchParams(location.search);
  const [d, ann, evs] = await Promise.all([
    api("documents/" + encodeURIComponent(id), null, signal),
    api(`documents/${encodeURIComponent(id)}/annotations`, null, signal).catch(() => ({ timexes: [], mentions: [] })),
    api("events", { document: id, limit: 1000 }, signal).catch(() => ({ events: [] })),
  ]);
  box.dataset.title = d.title || d.id;
  const sentences = d.sentences || [];
  let focus = q.has("s") ? Number(q.get("s")) : -1;
  if (focus < 0 && q.has("at")) {
    const at = Number(q.get("at"));
    focus = sentences.findIndex((s) => s.start <= at && at < s.end);
  }
  const eventsBySentence = new Map();
  for (const e of evs.events || []) {
    if (!eventsBySentence.has(e.sentence)) eventsBySentence.set(e.sentence, []);
    eventsBySentence.get(e.sentence).push(e);
  }
  box.appendChild(h("p", { class: "crumbs" }, h("a", { href: "/" }, "Overview"), " › document"));
  box.appendChild(h("h1", null, d.title || d.id));
  box.appendChild(
    h(
      "p",
      { class: "muted" },
      `${d.format} · ${fmtInt(d.size)} bytes · ${fmtInt(sentences.length)} sentences · ${fmtInt((evs.events || []).length)} events · `,
      h("span", { class: "legend" }, h("mark", { class: "timex" }, "date"), " ", h("mark", { class: "actor" }, "actor"), " ", h("span", { class: "evmark" }, "●"), " event"),
    ),
  );
  const toggle = h("label", { class: "toggle" }, h("input", { type: "checkbox", checked: true, on: { change: (ev) => body.classList.toggle("plain-text", !ev.target.checked) } }), " mark dates and actors");
  box.appendChild(toggle);

  // Group sentences and annotations by paragraph.
  const byPara = new Map();
  for (const s of sentences) {
    if (!byPara.has(s.paragraph)) byPara.set(s.paragraph, []);
    byPara.get(s.paragraph).push(s);
  }
  const annByPara = new Map();
  const sentPara = new Map(sentences.map((s) => [s.index, s.paragraph]));
  for (const [kind, list] of [
    ["timex", ann.timexes || []],
    ["actor", ann.mentions || []],
  ]) {
    for (const a of list) {
      const p = sentPara.get(a.sentence);
      if (p === undefined) continue;
      if (!annByPara.has(p)) annByPara.set(p, []);
      annByPara.get(p).push({ kind, a });
    }
  }

  const body = h("article", { class: "doc" });
  for (const p of d.paragraphs || []) {
    const text = p.text || "";
    if (p.kind === "heading" || p.kind === "title") {
      if (p.kind === "title") continue;
      const lvl = Math.min(6, Math.max(2, p.level || 2));
      body.appendChild(h(`h${lvl}`, null, text));
      continue;
    }
    const at = byteIndex(text);
    const rel = (x) => at(x - p.clean_start);
    const el = h(p.kind === "list_item" ? "li" : "p", { class: p.kind === "list_item" ? "item" : null });
    const sents = byPara.get(p.index) || [];
    const anns = annByPara.get(p.index) || [];
    // Each sentence is a span (its anchor); the focused one is a mark.
    let pos = 0;
    for (const s of sents) {
      const a = rel(s.clean_start);
      const z = rel(s.clean_end);
      if (a > pos) el.appendChild(document.createTextNode(text.slice(pos, a)));
      const inner = anns
        .filter((x) => x.a.sentence === s.index)
        .map((x) => ({
          start: rel(x.a.clean_start) - a,
          end: rel(x.a.clean_end) - a,
          class: x.kind,
          title: x.kind === "timex" ? `date: ${x.a.value}` : `actor: ${x.a.actor}`,
        }));
      const piece = text.slice(a, z);
      const sEl = h(s.index === focus ? "mark" : "span", { id: `s-${s.index}`, class: s.index === focus ? "evidence-sentence" : "sent" }, marked(piece, inner));
      for (const e of eventsBySentence.get(s.index) || []) sEl.appendChild(h("a", { href: eventHref(e.id), class: "evmark", title: eventLabel(e), "aria-label": `event: ${eventLabel(e)}` }, "●"));
      el.appendChild(sEl);
      pos = z;
    }
    if (pos < text.length) el.appendChild(document.createTextNode(text.slice(pos)));
    body.appendChild(el);
  }
  box.appendChild(body);
  box.afterAttach = async () => {
    if (focus >= 0) document.getElementById(`s-${focus}`)?.scrollIntoView({ block: "center" });
  };
}
