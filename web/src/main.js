// main.js is the web explorer's shell: it routes paths to pages, draws the
// navigation, binds the keyboard and tells tests (and people) when a page is
// ready: <html data-ready="PAGE"> and window.chronicleReady = {page, t}.
import { h, clear } from "./dom.js";
import { ApiError } from "./api.js";
import { isTyping } from "./util.js";

// Pages: path, name in the navigation, key after "g", loader. Heavy pages
// load their module (and its charting library) only when visited.
const pages = [
  { path: "/", name: "Overview", key: "o", load: () => import("./pages/overview.js") },
  { path: "/timeline", name: "Timeline", key: "t", load: () => import("./pages/timeline.js") },
  { path: "/relations", name: "Relations", key: "r", load: () => import("./pages/relations.js") },
  { path: "/network", name: "Network", key: "n", load: () => import("./pages/network.js") },
  { path: "/treaties", name: "Treaties", key: "y", load: () => import("./pages/treaties.js") },
  { path: "/tenures", name: "Tenures", key: "u", load: () => import("./pages/tenures.js") },
  { path: "/search", name: "Search", key: "s", load: () => import("./pages/search.js") },
  { path: "/add", name: "Add an article", key: "a", load: () => import("./pages/add.js") },
];
const detail = [
  { prefix: "/events/", name: "Event", load: () => import("./pages/event.js") },
  { prefix: "/documents/", name: "Document", load: () => import("./pages/document.js") },
];

function route(pathname) {
  const p = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const page = pages.find((x) => x.path === p);
  if (page) return { ...page, id: null };
  for (const d of detail) {
    if (p.startsWith(d.prefix) && p.length > d.prefix.length) {
      return { ...d, path: d.prefix, id: decodeURIComponent(p.slice(d.prefix.length)) };
    }
  }
  return null;
}

let current = null; // {abort, cleanup}
let navSeq = 0;

function drawNav() {
  const nav = document.getElementById("nav");
  clear(nav);
  const ul = h("ul");
  for (const p of pages) {
    ul.appendChild(h("li", null, h("a", { href: p.path, data: { nav: "", key: p.key }, title: `g then ${p.key}` }, p.name)));
  }
  nav.appendChild(ul);
}

function markNav(pathname) {
  for (const a of document.querySelectorAll("#nav a")) {
    const on = a.getAttribute("href") === pathname;
    if (on) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

// status shows a short message in the footer's live region.
export function status(msg) {
  const el = document.getElementById("status");
  if (el) el.textContent = msg || "";
}

async function render(focus) {
  const seq = ++navSeq;
  if (current) {
    current.abort.abort();
    try {
      current.cleanup?.();
    } catch (e) {
      console.warn("cleanup", e);
    }
    current = null;
  }
  const root = document.documentElement;
  delete root.dataset.ready;
  delete root.dataset.error;
  const started = performance.now();
  const main = document.getElementById("main");
  const r = route(location.pathname);
  markNav(r && !r.id ? r.path : "");
  clear(main);
  main.appendChild(h("p", { class: "loading" }, "Loading…"));
  const abort = new AbortController();
  current = { abort, cleanup: null };
  let pageName = r ? r.name : "Not found";
  try {
    if (!r) {
      clear(main);
      main.appendChild(h("h1", null, "Not found"));
      main.appendChild(h("p", null, "No page here. ", h("a", { href: "/" }, "Go to the overview.")));
    } else {
      const mod = await r.load();
      if (seq !== navSeq) return;
      const box = h("div", { class: "page" });
      const cleanup = await mod.render(box, { id: r.id, signal: abort.signal, status });
      if (seq !== navSeq) {
        cleanup?.();
        return;
      }
      current.cleanup = cleanup;
      clear(main);
      main.appendChild(box);
      // Pages that draw after being attached (charts need a size) do it now.
      if (box.afterAttach) await box.afterAttach();
      if (seq !== navSeq) return;
      pageName = box.dataset.title || r.name;
    }
  } catch (e) {
    if (e.name === "AbortError" || seq !== navSeq) return;
    console.warn("page failed:", e);
    clear(main);
    main.appendChild(h("h1", null, "Something went wrong"));
    main.appendChild(h("p", { class: "error", role: "alert" }, e instanceof ApiError ? `The server said: ${e.message}` : String(e.message || e)));
    root.dataset.error = String(e.message || e);
  }
  document.title = `${pageName} — chronicle`;
  const t = performance.now();
  window.chronicleReady = { page: r ? r.path + (r.id ? ":" + r.id : "") : "notfound", t, took: t - started };
  root.dataset.ready = r ? (r.id ? r.path.replace(/\//g, "") : r.path === "/" ? "overview" : r.path.slice(1)) : "notfound";
  // Move focus to the new content, unless the page put it somewhere itself.
  if (focus && !main.contains(document.activeElement)) main.focus({ preventScroll: false });
}

// navigate goes to an internal URL without reloading the page.
export function navigate(url) {
  history.pushState(null, "", url);
  render(true);
  window.scrollTo(0, 0);
}

function onClick(ev) {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target.closest?.("a[href]");
  if (!a || a.target || a.hasAttribute("download")) return;
  const href = a.getAttribute("href");
  if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/api/")) return;
  const url = new URL(href, location.href);
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // in-page anchor
  ev.preventDefault();
  navigate(href);
}

function helpDialog() {
  let d = document.getElementById("help");
  if (!d) {
    const rows = pages.map((p) => h("tr", null, h("td", null, h("kbd", null, "g"), " ", h("kbd", null, p.key)), h("td", null, p.name)));
    rows.push(h("tr", null, h("td", null, h("kbd", null, "/")), h("td", null, "Search")));
    rows.push(h("tr", null, h("td", null, h("kbd", null, "?")), h("td", null, "This help")));
    rows.push(h("tr", null, h("td", null, h("kbd", null, "Tab")), h("td", null, "Move between links, buttons and fields")));
    rows.push(h("tr", null, h("td", null, h("kbd", null, "←"), " ", h("kbd", null, "→"), " ", h("kbd", null, "+"), " ", h("kbd", null, "−")), h("td", null, "Timeline: pan and zoom; n / p next or previous event, Enter opens it")));
    d = h(
      "dialog",
      { id: "help", "aria-labelledby": "help-title" },
      h("h2", { id: "help-title" }, "Keyboard"),
      h("table", { class: "keys" }, h("tbody", null, rows)),
      h("form", { method: "dialog" }, h("button", { type: "submit" }, "Close")),
    );
    document.body.appendChild(d);
  }
  if (!d.open) d.showModal();
}

function keyboard() {
  let pendingG = 0;
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev)) return;
    if (ev.key === "?") {
      ev.preventDefault();
      helpDialog();
      return;
    }
    if (ev.key === "/") {
      ev.preventDefault();
      const input = document.querySelector("#main input[type=search]");
      if (input && location.pathname === "/search") input.focus();
      else navigate("/search");
      return;
    }
    if (ev.key === "g") {
      pendingG = Date.now();
      return;
    }
    if (pendingG && Date.now() - pendingG < 1500) {
      pendingG = 0;
      const p = pages.find((x) => x.key === ev.key);
      if (p) {
        ev.preventDefault();
        navigate(p.path);
      }
    }
  });
}

function start() {
  drawNav();
  keyboard();
  document.addEventListener("click", onClick);
  document.getElementById("keys")?.addEventListener("click", helpDialog);
  window.addEventListener("popstate", () => render(false));
  window.addEventListener("chronicle:navigate", (ev) => navigate(ev.detail));
  window.addEventListener("chronicle:rerender", () => render(false));
  render(false);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
