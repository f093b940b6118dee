// build.mjs bundles the web explorer (web/src) with esbuild into
// internal/serve/static/dist, which the Go binary embeds. Every asset gets a
// content-hashed name so the server can let browsers cache it for ever;
// index.html, which names them, is written last.
//
//   node build.mjs            production bundle (minified)
//   node build.mjs --dev      readable bundle with source maps
import * as esbuild from "esbuild";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../internal/serve/static/dist");
const dev = process.argv.includes("--dev");

await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, "assets"), { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: path.join(here, "src/main.js"), style: path.join(here, "src/style.css") },
  outdir: path.join(out, "assets"),
  bundle: true,
  splitting: true, // heavy libraries load only on the pages that draw with them
  format: "esm",
  target: ["es2020"],
  minify: !dev,
  sourcemap: dev ? "linked" : false,
  entryNames: "[name]-[hash]",
  chunkNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  loader: { ".svg": "file", ".png": "file", ".woff2": "file" },
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});

// Find the hashed names of the two entry points.
let js = "";
let css = "";
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  const rel = "/" + path.relative(out, path.resolve(file)).split(path.sep).join("/");
  if (meta.entryPoint?.endsWith("src/main.js")) js = rel;
  if (meta.entryPoint?.endsWith("src/style.css") && rel.endsWith(".css")) css = rel;
}
if (!js || !css) throw new Error("build: entry outputs not found in esbuild's metafile");

// The server fills in __CHRONICLE_WRITES__ and __CHRONICLE_MAX_UPLOAD__.
const index = `<!doctype html>
<html lang="en" data-writes="__CHRONICLE_WRITES__" data-max-upload="__CHRONICLE_MAX_UPLOAD__">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chronicle</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${css}">
<script type="module" src="${js}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/" data-nav>chronicle</a>
  <nav id="nav" aria-label="Pages"></nav>
</header>
<main id="main" tabindex="-1"><p class="loading">Loading…</p></main>
<footer class="foot"><span id="status" role="status" aria-live="polite"></span>
<button type="button" id="keys" class="linklike" aria-haspopup="dialog">Keyboard: ?</button></footer>
</body>
</html>
`;
await writeFile(path.join(out, "index.html"), index);
console.log(`web: built ${js} and ${css} into ${path.relative(process.cwd(), out)}`);
