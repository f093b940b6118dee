// Event: one coded event with the sentence that reports it highlighted in
// its paragraph, the date expression and actors marked, and links to every
// other place the event is told and to the rest of its actors' record.
import { h } from "../dom.js";
import { api } from "../api.js";
import { eventLabel, docHref, eventHref } from "../util.js";
import { evidenceBlock } from "./evidence.js";

export async function render(box, { id, signal }) {
  const res = await api("events/" + encodeURIComponent(id), null, signal);
  const e = res.event;
  box.dataset.title = eventLabel(e);
  box.appendChild(h("p", { class: "crumbs" }, h("a", { href: "/timeline" }, "Timeline"), " › event ", h("code", null, e.local_id || e.id)));
  box.appendChild(h("h1", null, eventLabel(e)));
  box.appendChild(evidenceBlock(res));

  const more = h("section", { class: "mentions" }, h("h2", null, "Other mentions"));
  const retold = e.mentions || [];
  if (retold.length) {
    more.appendChild(h("p", null, "The same event is told again in:"));
    more.appendChild(h("ul", { class: "plain" }, retold.map((m) => h("li", null, h("a", { href: docHref(e.document) + `?at=${m.start}` }, h("span", { class: "quote" }, m.text || `bytes ${m.start}–${m.end}`))))));
  } else {
    more.appendChild(h("p", { class: "muted" }, "The text tells this event once."));
  }
  // Other events reported by the same sentence, and the actors' other events.
  const same = await api("events", { document: e.document, limit: 1000 }, signal).catch(() => ({ events: [] }));
  const siblings = (same.events || []).filter((x) => x.sentence === e.sentence && x.id !== e.id);
  if (siblings.length) {
    more.appendChild(h("p", null, "The same sentence also reports:"));
    more.appendChild(h("ul", { class: "plain" }, siblings.map((x) => h("li", null, h("a", { href: eventHref(x.id) }, eventLabel(x))))));
  }
  const actors = [...(e.actor || []), ...(e.recipient || [])];
  const names = [...(e.actor_names || e.actor || []), ...(e.recipient_names || e.recipient || [])];
  if (actors.length) {
    more.appendChild(
      h(
        "p",
        null,
        "Every event of ",
        actors.map((a, i) => [i ? ", " : "", h("a", { href: `/timeline?actor=${encodeURIComponent(a)}` }, names[i] || a)]),
        actors.length >= 2 ? ["; the ", h("a", { href: `/relations?a=${encodeURIComponent(actors[0])}&b=${encodeURIComponent(actors[1])}` }, "relations index"), " of the pair"] : "",
        ".",
      ),
    );
  }
  more.appendChild(h("p", null, h("a", { href: docHref(e.document, e.sentence) }, "Read the sentence in the whole document")));
  box.appendChild(more);
}
