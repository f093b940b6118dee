// filters.js: the filter form the timeline and network share — actors,
// event types, modality and period — kept in the page's URL.
import { h } from "../dom.js";

export const modalities = ["asserted", "negated", "hypothetical", "disputed"];

// actorList adds a <datalist> of actor names for the actor fields.
export function actorList(id, actors) {
  return h(
    "datalist",
    { id },
    actors.map((a) => h("option", { value: a.code || a.id }, a.name)),
  );
}

// field is a labelled input.
export function field(label, input, hint) {
  return h("label", { class: "field" }, h("span", null, label), input, hint ? h("small", { class: "muted" }, hint) : null);
}

// periodFields are the from/to inputs (any TIMEX value: 1939, 1939-08, 193X).
export function periodFields(p) {
  return [
    field("From", h("input", { name: "from", value: p.from || "", placeholder: "1918", size: 8, inputmode: "numeric", autocomplete: "off" })),
    field("To", h("input", { name: "to", value: p.to || "", placeholder: "1941-06", size: 8, inputmode: "numeric", autocomplete: "off" })),
  ];
}

// formValues reads a form into {name: value | [values]}.
export function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) {
    const s = String(v).trim();
    if (s === "") continue;
    if (k in out) out[k] = [].concat(out[k], s);
    else out[k] = s;
  }
  return out;
}
