// Network: actors as nodes (sized by their events), interactions as edges
// (width by the number of events, colour by their mean score), for the
// period chosen. The table beside the graph lists the same edges for
// keyboard and screen-reader users.
import cytoscape from "cytoscape";
import { h, clear } from "../dom.js";
import { api } from "../api.js";
import { params, setParams, scoreColor, scoreBadge, rerender, fmtInt } from "../util.js";
import { field, periodFields, formValues, modalities } from "./filters.js";

const maxNodes = 80;

export async function render(box, { signal }) {
  const p = params();
  box.dataset.title = "Network";
  box.appendChild(h("h1", null, "Network"));
  const form = h(
    "form",
    { class: "filters", "aria-label": "Period" },
    ...periodFields(p),
    field("Modality", h("select", { name: "modality" }, modalities.map((m) => h("option", { value: m, selected: (p.modality || "asserted") === m }, m)))),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setParams(formValues(form));
    rerender();
  });
  box.appendChild(form);
  const net = await api("network", { from: p.from, to: p.to, modality: p.modality }, signal);
  let nodes = (net.nodes || []).map((n) => ({ ...n, events: n.events ?? n.weight ?? 0 })).sort((x, y) => y.events - x.events);
  const cut = nodes.length > maxNodes;
  if (cut) nodes = nodes.slice(0, maxNodes);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = (net.edges || []).filter((e) => keep.has(e.source) && keep.has(e.target)).sort((x, y) => y.weight - x.weight);
  const name = new Map(nodes.map((n) => [n.id, n.name || n.id]));
  const code = new Map(nodes.map((n) => [n.id, n.code || n.id]));
  box.appendChild(
    h(
      "p",
      { class: "lede" },
      `${fmtInt(nodes.length)} actors and ${fmtInt(edges.length)} interactions`,
      cut ? ` (the ${maxNodes} most active of ${fmtInt(net.nodes.length)} actors)` : "",
      ". Edge width: number of events; colour: mean score, red conflict to blue cooperation.",
    ),
  );
  box.appendChild(
    h(
      "p",
      { class: "legend" },
      h("span", { class: ["swatch", "node-state"] }, "state"),
      h("span", { class: ["swatch", "node-person"] }, "person"),
      h("span", { class: ["swatch", "node-other"] }, "organisation or group"),
      " · node size: events · click a node or an edge for details",
    ),
  );
  const graph = h("div", { class: "graph", role: "img", "aria-label": "Network of actors; the table lists the same interactions", data: { nodes: nodes.length, edges: edges.length } });
  const info = h("section", { class: "panel", id: "net-detail", "aria-live": "polite" }, h("p", { class: "muted" }, "Select an actor or an interaction."));
  const layout = h("div", { class: "netlayout" }, graph, info);
  box.appendChild(layout);

  const pairHref = (e) => `/relations?a=${encodeURIComponent(code.get(e.source))}&b=${encodeURIComponent(code.get(e.target))}`;
  const showEdge = (e) => {
    clear(info);
    info.appendChild(h("h2", null, `${name.get(e.source)} – ${name.get(e.target)}`));
    info.appendChild(h("p", null, `${fmtInt(e.weight)} events, mean score `, scoreBadge(e.weight ? e.score / e.weight : 0), e.first ? ` · ${e.first} to ${e.last}` : ""));
    info.appendChild(h("p", null, h("a", { href: pairHref(e) }, "Relations index"), " · ", h("a", { href: `/timeline?pair=${encodeURIComponent(code.get(e.source) + "," + code.get(e.target))}` }, "Events on the timeline")));
  };
  const showNode = (n) => {
    clear(info);
    info.appendChild(h("h2", null, n.name));
    info.appendChild(h("p", null, `${n.kind}${n.code ? " · " + n.code : ""} · ${fmtInt(n.events)} events`));
    const mine = edges.filter((e) => e.source === n.id || e.target === n.id);
    info.appendChild(h("ul", { class: "plain" }, mine.slice(0, 20).map((e) => h("li", null, h("a", { href: pairHref(e) }, `with ${name.get(e.source === n.id ? e.target : e.source)}`), ` ${fmtInt(e.weight)}`))));
    info.appendChild(h("p", null, h("a", { href: `/timeline?actor=${encodeURIComponent(n.id)}` }, "Events on the timeline")));
  };

  const table = h(
    "table",
    { class: "data" },
    h("caption", null, "Interactions"),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Between"), h("th", { scope: "col", class: "num" }, "Events"), h("th", { scope: "col", class: "num" }, "Mean score"), h("th", { scope: "col" }, "First"), h("th", { scope: "col" }, "Last"))),
    h(
      "tbody",
      null,
      edges.slice(0, 200).map((e) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, h("button", { type: "button", class: "linklike", on: { click: () => { showEdge(e); cy?.$id(edgeId(e)).select(); } } }, `${name.get(e.source)} – ${name.get(e.target)}`)),
          h("td", { class: "num" }, fmtInt(e.weight)),
          h("td", { class: "num" }, scoreBadge(e.weight ? e.score / e.weight : 0)),
          h("td", null, e.first || ""),
          h("td", null, e.last || ""),
        ),
      ),
    ),
  );
  box.appendChild(h("div", { class: "scroll" }, table));

  let cy = null;
  box.afterAttach = async () => {
    // Cytoscape adds a <style> element unless one with this id exists;
    // the policy forbids inline styles, and style.css has its rule.
    const sheet = document.querySelector('link[rel="stylesheet"]');
    if (sheet && !document.getElementById("__________cytoscape_stylesheet")) sheet.id = "__________cytoscape_stylesheet";
    if (!nodes.length) {
      graph.appendChild(h("p", { class: "muted" }, "No interactions in this period."));
      return;
    }
    const maxEv = Math.max(...nodes.map((n) => n.events || 1));
    // Name the busiest actors on the graph; the others show their name
    // when selected (and all are in the table below).
    const named = new Set(nodes.slice(0, 18).map((n) => n.id));
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    cy = cytoscape({
      container: graph,
      elements: [
        ...nodes.map((n) => ({ data: { id: n.id, label: named.has(n.id) ? n.code || n.name : "", full: n.name, size: 18 + 42 * Math.sqrt((n.events || 0) / maxEv), color: n.kind === "state" ? "#3b4a6b" : n.kind === "person" ? "#7a5c2e" : "#4d7060" } })),
        ...edges.map((e) => ({ data: { id: edgeId(e), source: e.source, target: e.target, width: 1 + 9 * Math.sqrt(e.weight / maxW), color: scoreColor(e.weight ? e.score / e.weight : 0) } })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            width: "data(size)",
            height: "data(size)",
            "background-color": "data(color)",
            color: "#1d2330",
            "font-size": 11,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.75,
            "text-background-padding": 1,
          },
        },
        { selector: "node:selected", style: { label: "data(full)", "font-weight": "bold" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", opacity: 0.75, "curve-style": "haystack" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#e0a000", "line-color": "#e0a000", opacity: 1 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 110, nodeOverlap: 20, gravity: 0.5, numIter: 1000, padding: 20 },
      minZoom: 0.2,
      maxZoom: 4,
    });
    cy.on("tap", "node", (ev) => showNode(nodes.find((n) => n.id === ev.target.id())));
    cy.on("tap", "edge", (ev) => showEdge(edges.find((e) => edgeId(e) === ev.target.id())));
    graph.dataset.drawn = String(cy.nodes().length);
  };
  return () => cy?.destroy();
}

function edgeId(e) {
  return `e:${e.source}|${e.target}`;
}
