// Overview: what is in the store — documents, actors, the period covered,
// counts — and where a newcomer might start.
import { h } from "../dom.js";
import { api } from "../api.js";
import { fmtInt, docHref } from "../util.js";

export async function render(box, { signal }) {
  const [stats, docs] = await Promise.all([api("stats", null, signal), api("documents", { limit: 100 }, signal)]);
  const c = stats.counts || stats;
  const period = stats.period || {};
  box.dataset.title = "Overview";
  box.appendChild(h("h1", null, "Overview"));
  box.appendChild(
    h(
      "p",
      { class: "lede" },
      `chronicle has read ${fmtInt(c.documents)} document${c.documents === 1 ? "" : "s"}`,
      period.from ? ` covering ${period.from} to ${period.to}` : "",
      ": every event below comes with the sentence that says so.",
    ),
  );

  const counts = [
    ["documents", "Documents", "/"],
    ["sentences", "Sentences", "/search"],
    ["events", "Events", "/timeline"],
    ["actors", "Actors", "/network"],
    ["treaties", "Treaties", "/treaties"],
    ["tenures", "Tenures", "/tenures"],
    ["timexes", "Date expressions", null],
    ["mentions", "Actor mentions", null],
  ];
  box.appendChild(
    h(
      "ul",
      { class: "cards", "aria-label": "Counts" },
      counts.map(([k, label, href]) =>
        h("li", { class: "card" }, h("span", { class: "num", data: { count: k } }, fmtInt(c[k])), " ", href ? h("a", { href }, label) : h("span", null, label)),
      ),
    ),
  );

  const start = h("section", { class: "start" }, h("h2", null, "Where to start"));
  const top = (stats.top_actors || []).filter((a) => a.kind === "state").slice(0, 2);
  const pairQ = top.length === 2 ? `?a=${encodeURIComponent(top[0].code || top[0].id)}&b=${encodeURIComponent(top[1].code || top[1].id)}` : "";
  start.appendChild(
    h(
      "ul",
      null,
      h("li", null, h("a", { href: "/timeline" }, "The timeline"), " — every event, zoomable from decades to days, coloured from cooperation to conflict."),
      h("li", null, h("a", { href: "/relations" + pairQ }, top.length === 2 ? `Relations between ${top[0].name} and ${top[1].name}` : "The relations index"), " — the cooperation–conflict curve, year by year, with treaties and invasions marked."),
      h("li", null, h("a", { href: "/network" }, "The network"), " — who dealt with whom, and how often."),
      h("li", null, h("a", { href: "/treaties" }, "Treaties"), " and ", h("a", { href: "/tenures" }, "office holders"), "."),
      h("li", null, h("a", { href: "/search?q=Rapallo" }, "Search"), " sentences, events, actors and treaties."),
    ),
  );
  box.appendChild(start);

  const grid = h("div", { class: "grid2" });
  const docList = h(
    "section",
    null,
    h("h2", null, "Documents"),
    h(
      "ul",
      { class: "plain" },
      (docs.documents || []).map((d) =>
        h("li", null, h("a", { href: docHref(d.id) }, d.title || d.id), h("span", { class: "muted" }, ` · ${d.format} · ${fmtInt(d.sentences)} sentences · ${fmtInt(d.events)} events`)),
      ),
    ),
  );
  if ((docs.total || 0) > (docs.documents || []).length) docList.appendChild(h("p", { class: "muted" }, `and ${fmtInt(docs.total - docs.documents.length)} more`));
  grid.appendChild(docList);

  const actors = (stats.top_actors || []).slice(0, 15);
  grid.appendChild(
    h(
      "section",
      null,
      h("h2", null, "Actors"),
      actors.length
        ? h(
            "ol",
            { class: "plain bars" },
            actors.map((a) => barRow(h("a", { href: `/timeline?actor=${encodeURIComponent(a.id)}` }, a.name), `${a.kind}${a.code ? " · " + a.code : ""}`, a.events, actors[0].events)),
          )
        : h("p", { class: "muted" }, "No actors recognised yet."),
    ),
  );
  const types = stats.event_types || [];
  grid.appendChild(
    h(
      "section",
      null,
      h("h2", null, "Event types"),
      types.length
        ? h(
            "ol",
            { class: "plain bars" },
            types.map((t) => barRow(h("a", { href: `/timeline?type=${encodeURIComponent(t.type ?? t.value)}` }, t.type ?? t.value), "", t.count, types[0].count)),
          )
        : h("p", { class: "muted" }, "No events coded yet."),
    ),
  );
  const mods = stats.modalities || [];
  grid.appendChild(
    h(
      "section",
      null,
      h("h2", null, "Modality"),
      h("p", { class: "muted" }, "Negated and hypothetical events are kept (the offer not taken up) but do not count in the relations index."),
      h("ul", { class: "plain" }, mods.map((m) => h("li", null, h("a", { href: `/timeline?modality=${encodeURIComponent(m.modality ?? m.value)}` }, m.modality ?? m.value), ` ${fmtInt(m.count)}`))),
    ),
  );
  box.appendChild(grid);
}

function barRow(label, note, value, max) {
  const bar = h("span", { class: "bar", "aria-hidden": "true" });
  bar.style.width = `${max ? Math.max(2, (100 * value) / max) : 0}%`;
  return h("li", null, h("span", { class: "bar-label" }, label, note ? h("span", { class: "muted" }, ` ${note}`) : null), h("span", { class: "bar-track" }, bar), h("span", { class: "bar-num" }, fmtInt(value)));
}
