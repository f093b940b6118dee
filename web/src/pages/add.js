// Add an article: paste text or choose a file; the server reads it through
// the whole pipeline and stores it. Offered only when the server was
// started with a token (writes are off otherwise), and the token is asked
// for here. Shows upload progress, then the outcome or a clear error.
import { h, clear } from "../dom.js";
import { docHref, fmtInt } from "../util.js";

const formats = ["auto", "plain", "wikiplain", "wikitext", "html", "sgml"];

export async function render(box) {
  box.dataset.title = "Add an article";
  box.appendChild(h("h1", null, "Add an article"));
  const root = document.documentElement;
  const writes = root.dataset.writes === "true";
  const maxUpload = Number(root.dataset.maxUpload) || 0;
  if (!writes) {
    box.appendChild(
      h(
        "div",
        { class: "notice", id: "writes-off" },
        h("p", null, h("strong", null, "Adding articles is switched off on this server.")),
        h("p", null, "Writes need a token: start the server with ", h("code", null, "chronicle serve --token SECRET"), " (or the environment variable ", h("code", null, "CHRONICLE_TOKEN"), "), then enter the same token here."),
        h("p", null, "From the command line, ", h("code", null, "chronicle ingest FILE"), " adds an article to the store directly."),
      ),
    );
    return;
  }
  const token = h("input", { type: "password", name: "token", required: true, autocomplete: "current-password", size: 24, value: sessionStorage.getItem("chronicle-token") || "" });
  const name = h("input", { name: "name", placeholder: "article.txt", size: 24, autocomplete: "off" });
  const format = h("select", { name: "format" }, formats.map((f) => h("option", { value: f }, f)));
  const text = h("textarea", { name: "text", rows: 12, placeholder: "Paste the article here, or choose a file below." });
  const file = h("input", { type: "file", name: "file", accept: ".txt,.html,.htm,.wiki,.wikitext,.sgml,.xml,text/*" });
  const progress = h("progress", { max: 100, value: 0, hidden: true, "aria-label": "Upload progress" });
  const out = h("div", { id: "add-result", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit" }, "Add");
  const form = h(
    "form",
    { class: "add" },
    h("label", { class: "field" }, h("span", null, "Token"), token),
    h("label", { class: "field" }, h("span", null, "File name (names the document and its format)"), name),
    h("label", { class: "field" }, h("span", null, "Format"), format),
    h("label", { class: "field wide" }, h("span", null, "Text"), text),
    h("label", { class: "field" }, h("span", null, "…or a file"), file),
    h("p", { class: "muted" }, maxUpload ? `Up to ${fmtInt(maxUpload)} bytes.` : ""),
    h("div", { class: "actions" }, submit, progress),
    out,
  );
  file.addEventListener("change", () => {
    if (file.files[0] && !name.value) name.value = file.files[0].name;
  });
  const say = (cls, ...parts) => {
    clear(out);
    out.appendChild(h("p", { class: cls }, ...parts));
  };
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    let body;
    let fname = name.value.trim();
    if (file.files[0]) {
      body = file.files[0];
      fname = fname || file.files[0].name;
    } else if (text.value.trim()) {
      body = new Blob([text.value], { type: "text/plain; charset=utf-8" });
      fname = fname || "pasted.txt";
    } else {
      say("error", "Paste some text or choose a file first.");
      return;
    }
    if (maxUpload && body.size > maxUpload) {
      say("error", `The article is ${fmtInt(body.size)} bytes; this server takes at most ${fmtInt(maxUpload)}.`);
      return;
    }
    sessionStorage.setItem("chronicle-token", token.value);
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    say("muted", "Sending…");
    try {
      const res = await upload(body, fname, format.value, token.value, (f) => {
        progress.value = Math.round(f * 100);
        if (f >= 1) say("muted", "Sent. Reading the article (dates, actors, events)…");
      });
      progress.value = 100;
      // The API answers with the document's id (or the document).
      const d = typeof res.document === "string" ? { id: res.document } : res.document || {};
      const verb = res.outcome === "unchanged" ? "was already stored, unchanged" : res.outcome === "replaced" ? "replaced its earlier version" : "was added";
      say("ok", h("a", { href: docHref(d.id) }, d.title || d.id), ` ${verb}`, res.events !== undefined ? ` — ${fmtInt(res.events)} events.` : ".");
    } catch (err) {
      say("error", err.message);
    } finally {
      submit.disabled = false;
      progress.hidden = true;
    }
  });
  box.appendChild(form);
}

// upload posts the article with XMLHttpRequest, the one browser API that
// reports upload progress.
function upload(body, name, format, token, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const q = new URLSearchParams({ name });
    if (format && format !== "auto") q.set("format", format);
    xhr.open("POST", "/api/documents?" + q.toString());
    xhr.setRequestHeader("Authorization", "Bearer " + token);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (ev) => ev.lengthComputable && onProgress(ev.loaded / ev.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new Error("The server could not be reached."));
    xhr.onload = () => {
      const r = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(r || {});
      const msg = r && r.error ? r.error : `HTTP ${xhr.status}`;
      const why =
        {
          400: "The article could not be read",
          401: "The token was not accepted",
          403: "Writes are disabled on this server",
          413: "The article is too large",
        }[xhr.status] || "The server failed";
      reject(new Error(`${why}: ${msg}`));
    };
    xhr.send(body);
  });
}
