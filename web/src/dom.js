// dom.js builds the page from data without ever parsing text as HTML:
// every string becomes a text node, every link is checked, and event
// handlers are functions, never attributes. Article text can therefore
// hold "<script>" or "javascript:" and still render as the words it is.

// safeHref returns u if it is a link we make ourselves (a path on this
// server, an anchor, a query) or an http(s) URL; otherwise null, so a
// "javascript:" or "data:" link from an article never becomes clickable.
export function safeHref(u) {
  if (typeof u !== "string") return null;
  const s = u.trim();
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  if (s.startsWith("#") || s.startsWith("?")) return s;
  if (/^https?:\/\//i.test(s)) return s;
  return null;
}

// h creates an element: h("a", {href: "/x", class: "c"}, "text", child).
// attrs: class, id, href (checked by safeHref), on: {event: fn}, data:
// {key: value} (dataset), and other plain attributes (never on*).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "on") {
        for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      } else if (k === "data") {
        for (const [dk, dv] of Object.entries(v)) if (dv !== undefined && dv !== null) el.dataset[dk] = String(dv);
      } else if (k === "class") {
        el.className = Array.isArray(v) ? v.filter(Boolean).join(" ") : v;
      } else if (k === "href") {
        const safe = safeHref(v);
        if (safe !== null) el.setAttribute("href", safe);
      } else if (/^on/i.test(k) || k === "style" || k === "srcdoc") {
        throw new Error(`h: attribute ${k} is not allowed`);
      } else if (k === "value" || k === "checked" || k === "selected" || k === "disabled" || k === "hidden") {
        el[k] = v;
      } else {
        el.setAttribute(k, v === true ? "" : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

// append adds children (strings, numbers, nodes, arrays; null skipped).
export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
  return el;
}

// clear empties an element.
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// byteIndex returns a function that converts UTF-8 byte offsets of str
// (the API's offsets) into JavaScript string indexes (UTF-16 code units).
export function byteIndex(str) {
  let ascii = true;
  for (let i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  const clamp = (b) => Math.max(0, Math.min(b, str.length));
  if (ascii) return clamp;
  const starts = [];
  const idx = [];
  let b = 0;
  for (let i = 0; i < str.length; ) {
    const cp = str.codePointAt(i);
    starts.push(b);
    idx.push(i);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  starts.push(b);
  idx.push(str.length);
  return (off) => {
    if (off <= 0) return 0;
    if (off >= b) return str.length;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return idx[lo];
  };
}

// marked renders text with marks: spans are {start, end, class, title,
// outer} in string indexes. One outer span (the evidence sentence) may
// hold the others; inner spans that overlap an earlier one are dropped.
export function marked(text, spans) {
  const frag = document.createDocumentFragment();
  const outer = spans.find((s) => s.outer);
  const inner = spans
    .filter((s) => !s.outer && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let last = -1;
  for (const s of inner) {
    if (s.start >= last) {
      kept.push(s);
      last = s.end;
    }
  }
  const run = (into, from, to) => {
    let pos = from;
    for (const s of kept) {
      const a = Math.max(s.start, from);
      const z = Math.min(s.end, to);
      if (z <= a || a < pos) continue;
      if (a > pos) into.appendChild(document.createTextNode(text.slice(pos, a)));
      into.appendChild(h("mark", { class: s.class, title: s.title, data: s.data }, text.slice(a, z)));
      pos = z;
    }
    if (pos < to) into.appendChild(document.createTextNode(text.slice(pos, to)));
  };
  if (outer && outer.end > outer.start) {
    run(frag, 0, outer.start);
    const m = h("mark", { class: outer.class, title: outer.title, data: outer.data, id: outer.id });
    run(m, outer.start, outer.end);
    frag.appendChild(m);
    run(frag, outer.end, text.length);
  } else {
    run(frag, 0, text.length);
  }
  return frag;
}

// termMarks finds the words of a search query in text, for highlighting.
export function termMarks(text, q) {
  const words = (q || "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const spans = [];
  if (!words.length) return spans;
  const low = text.toLowerCase();
  for (const w of words) {
    let i = low.indexOf(w);
    while (i >= 0) {
      spans.push({ start: i, end: i + w.length, class: "hit" });
      i = low.indexOf(w, i + w.length);
    }
  }
  return spans;
}
