// evidence.js draws an event's evidence: the sentence highlighted in its
// paragraph, the date expression and the actor mentions marked inside it.
// Offsets from the API are UTF-8 byte offsets into the document's clean
// text; they are converted to string indexes before cutting.
import { h, byteIndex, marked } from "../dom.js";
import { dateText, names, modalityBadge, scoreBadge, docHref } from "../util.js";

// evidenceBlock renders /api/events/{id}'s answer ({event, context}).
export function evidenceBlock(res) {
  const e = res.event;
  // The API may nest the context or give its fields beside the event.
  const c = res.context || res;
  const timexes = c.timexes || (c.timex ? [c.timex] : []);
  const wrap = h("div", { class: "evidence" });
  wrap.appendChild(facts(e));
  const para = c.paragraph;
  const sent = c.sentence;
  let text;
  let spans = [];
  if (para && typeof para.text === "string" && sent && num(para.clean_start) !== null) {
    text = para.text;
    const at = byteIndex(text);
    const base = para.clean_start;
    const rel = (x) => at(x - base);
    spans.push({ start: rel(sent.clean_start), end: rel(sent.clean_end), class: "evidence-sentence", outer: true, id: "evidence", title: "The sentence that reports this event" });
    spans.push(...inner(c, timexes, rel));
  } else if (sent && typeof sent.text === "string") {
    text = sent.text;
    const at = byteIndex(text);
    const base = num(sent.clean_start) ?? 0;
    spans.push({ start: 0, end: text.length, class: "evidence-sentence", outer: true, id: "evidence" });
    spans.push(...inner(c, timexes, (x) => at(x - base)));
  } else {
    text = (e.evidence && e.evidence.text) || "";
    spans.push({ start: 0, end: text.length, class: "evidence-sentence", outer: true, id: "evidence" });
  }
  wrap.appendChild(h("blockquote", { class: "paragraph", cite: docHref(e.document, e.sentence) }, marked(text, spans)));
  const src = h("p", { class: "source" }, "From ", h("a", { href: docHref(e.document, e.sentence) }, c.title || e.document), `, sentence ${e.sentence + 1}.`);
  timexes.forEach((tx, i) => src.append(i ? "; " : " Date expression: ", h("mark", { class: "timex" }, tx.text), ` → ${tx.value}`, tx.anchor ? ` (${tx.anchor})` : "", i === timexes.length - 1 ? "." : ""));
  wrap.appendChild(src);
  return wrap;
}

function num(x) {
  return typeof x === "number" && isFinite(x) ? x : null;
}

function inner(c, timexes, rel) {
  const out = [];
  for (const tx of timexes) {
    if (num(tx.clean_start) === null) continue;
    out.push({ start: rel(tx.clean_start), end: rel(tx.clean_end), class: "timex", title: `date: ${tx.value}` });
  }
  for (const m of c.mentions || []) {
    if (num(m.clean_start) === null) continue;
    out.push({ start: rel(m.clean_start), end: rel(m.clean_end), class: "actor", title: `actor: ${m.actor}`, data: { actor: m.actor } });
  }
  return out;
}

// facts is the event's coding as a definition list.
export function facts(e) {
  const row = (k, ...v) => [h("dt", null, k), h("dd", null, ...v)];
  const q = (e.quantities || []).map((x) => `${x.approx ? x.approx + " " : ""}${x.amount} ${x.unit}${x.item ? " of " + x.item : ""}`).join("; ");
  return h(
    "dl",
    { class: "facts" },
    row("Who", names(e.actor, e.actor_names) || "—"),
    row("Did", `${e.type}${e.mode ? " / " + e.mode : ""}`, e.quad ? ` (${e.quad})` : "", " ", scoreBadge(e.score), " ", modalityBadge(e.modality)),
    row("To whom", names(e.recipient, e.recipient_names) || "—"),
    row("When", dateText(e.date), e.date?.anchor ? h("span", { class: "muted" }, ` · dated ${e.date.anchor}`) : ""),
    e.place ? row("Where", e.place) : null,
    q ? row("How much", q) : null,
    e.treaty ? row("Treaty", h("a", { href: `/treaties?q=${encodeURIComponent(e.name || "")}` }, e.name || e.treaty)) : null,
  );
}
