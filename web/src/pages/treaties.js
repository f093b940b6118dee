// Treaties: every treaty, pact and agreement whose signing the texts date,
// in a sortable table, with the sentence that reports each.
import { h } from "../dom.js";
import { api } from "../api.js";
import { params, setParams, rerender, eventHref, docHref, fmtInt } from "../util.js";
import { sortable } from "../table.js";
import { field, periodFields, formValues } from "./filters.js";

export async function render(box, { signal }) {
  const p = params();
  box.dataset.title = "Treaties";
  box.appendChild(h("h1", null, "Treaties"));
  const form = h(
    "form",
    { class: "filters", "aria-label": "Filters" },
    field("Party", h("input", { name: "party", value: [].concat(p.party || [])[0] || "", placeholder: "SUN", size: 10, autocomplete: "off" })),
    field("Words", h("input", { type: "search", name: "q", value: p.q || "", placeholder: "non-aggression", size: 14 })),
    ...periodFields(p),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    setParams(formValues(form));
    rerender();
  });
  box.appendChild(form);
  const res = await api("treaties", { party: p.party, q: p.q, from: p.from, to: p.to, limit: 1000 }, signal);
  const rows = res.treaties || [];
  box.appendChild(h("p", { class: "lede" }, `${fmtInt(res.total)} treat${res.total === 1 ? "y" : "ies"}.`));
  const table = sortable(
    "Treaties (press a column heading to sort)",
    [
      { key: "signed", label: "Signed", cell: (t) => h("time", { datetime: t.signed }, t.signed || "—") },
      { key: "name", label: "Name", cell: (t) => [h("a", { href: t.events?.[0] ? eventHref(t.events[0]) : docHref(t.document) }, t.name), t.aliases?.length ? h("div", { class: "muted" }, t.aliases.join("; ")) : null] },
      { key: "parties", label: "Parties", value: (t) => (t.parties || []).join(", "), cell: (t) => (t.parties || []).join(", ") },
      { key: "signatories", label: "Signatories", value: (t) => (t.signatories || []).join(", "), cell: (t) => (t.signatories || []).join(", ") },
      { key: "secret_protocol", label: "Secret protocol", value: (t) => (t.secret_protocol ? 1 : 0), cell: (t) => (t.secret_protocol ? "yes" : "") },
      { key: "evidence", label: "Evidence", value: (t) => t.evidence?.text || "", cell: (t) => h("span", { class: "quote" }, t.evidence?.text || "") },
    ],
    rows,
    { key: "signed", dir: 1 },
  );
  table.id = "treaties";
  box.appendChild(h("div", { class: "scroll" }, table));
}
