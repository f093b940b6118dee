// table.js: a sortable table. Each column header is a button (so it is
// reached with Tab and pressed with Enter or Space) and says its order
// with aria-sort.
import { h, clear } from "./dom.js";

// sortable returns a table of rows; columns are {key, label, value(row)
// for sorting, cell(row) for display, num}.
export function sortable(caption, columns, rows, initial) {
  let key = initial?.key || columns[0].key;
  let dir = initial?.dir || 1;
  const tbody = h("tbody");
  const ths = columns.map((c) => {
    const btn = h("button", { type: "button", class: "sort", on: { click: () => sortBy(c.key) } }, c.label);
    return h("th", { scope: "col", class: c.num ? "num" : null, data: { key: c.key } }, btn);
  });
  const table = h("table", { class: "data sortable" }, h("caption", null, caption), h("thead", null, h("tr", null, ths)), tbody);
  const draw = () => {
    const col = columns.find((c) => c.key === key);
    const val = col.value || ((r) => r[col.key]);
    const sorted = rows.slice().sort((a, b) => {
      const x = val(a);
      const y = val(b);
      if (x === y) return 0;
      if (x === undefined || x === null || x === "") return 1;
      if (y === undefined || y === null || y === "") return -1;
      return (x < y ? -1 : 1) * dir;
    });
    clear(tbody);
    for (const r of sorted) tbody.appendChild(h("tr", null, columns.map((c, i) => h(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: c.num ? "num" : null }, c.cell ? c.cell(r) : String(r[c.key] ?? "")))));
    ths.forEach((th, i) => {
      if (columns[i].key === key) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  };
  const sortBy = (k) => {
    if (k === key) dir = -dir;
    else {
      key = k;
      dir = 1;
    }
    draw();
  };
  draw();
  return table;
}
