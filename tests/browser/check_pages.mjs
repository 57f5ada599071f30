// Checks a folder of HTML pages in headless Chromium (ctest label browser).
//
// Usage: node check_pages.mjs --modules NODE_MODULES --config HTMLVALIDATE_JSON
//                             [--query JSON] DIR [PAGE...]
//
// Every .html file under DIR (or only the PAGEs given, relative to DIR) must:
// - be valid HTML (html-validate, the committed config);
// - render at 375 px and at 1280 px without horizontal scrolling;
// - have no WCAG 2.1 A/AA violations (axe-core: wcag2a, wcag2aa, wcag21a, wcag21aa);
// - log no error (a script error, a CSP violation) while loading;
// - request nothing but files of DIR (every request is intercepted: anything
//   else is aborted and reported);
// - link only to pages and #anchors that exist (relative links; absolute
//   http(s) and mailto links are not followed).
// --query JSON: a file of {"page": "...", "filters": {"category": "bystander", ...},
// "expect": ["GM0153/m1", ...]} cases: the page's filter form is set to the
// filters (by the selects' and the search field's name) and the measures left
// visible (data-id of the rows not hidden) must be exactly expect, and the
// form's count (filter-count) their number.
// Prints every problem as "PAGE: ..." and exits 1 when there is one, 0 otherwise.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";

const args = process.argv.slice(2);
let modules = null, config = null, query = null;
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--modules") modules = args[++i];
  else if (args[i] === "--config") config = args[++i];
  else if (args[i] === "--query") query = args[++i];
  else rest.push(args[i]);
}
if (!modules || !config || rest.length < 1) {
  console.error("usage: check_pages.mjs --modules DIR --config FILE [--query JSON] DIR [PAGE...]");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), "index.js"));
const puppeteer = require("puppeteer-core");
const axeSource = require("axe-core").source;
const { HtmlValidate, StaticConfigLoader } = require("html-validate");

const root = path.resolve(rest[0]);
const WIDTHS = [375, 1280];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out.sort();
}

const pages = rest.length > 1 ? rest.slice(1).map((p) => path.resolve(root, p)) : walk(root);
if (pages.length === 0) {
  console.error(`check_pages: no .html file under ${root}`);
  process.exit(1);
}

let problems = 0;
function problem(file, msg) {
  problems++;
  console.log(`${path.relative(root, file) || file}: ${msg}`);
}

function inSite(file) {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

// ---- html-validate ----
const rules = JSON.parse(fs.readFileSync(config, "utf8"));
delete rules._why;
const validator = new HtmlValidate(new StaticConfigLoader(rules));
for (const file of pages) {
  const report = await validator.validateFile(file);
  for (const r of report.results)
    for (const m of r.messages)
      problem(file, `${m.line}:${m.column}: html-validate ${m.ruleId}: ${m.message}`);
}

// ---- the browser ----
const browser = await puppeteer.launch({
  executablePath: process.env.VEILIG_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--allow-file-access-from-files"],
});
const ids = new Map();   // file -> Set of ids
const links = [];        // {from, href}

try {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  let current = null;
  page.on("request", (req) => {
    const url = req.url();
    let ok = false;
    if (url.startsWith("file://")) {
      try { ok = inSite(fileURLToPath(url.split("#")[0])); } catch { ok = false; }
    }
    if (ok || url === "about:blank") req.continue();
    else {
      if (current) problem(current, `request leaves the site: ${url.slice(0, 200)}`);
      req.abort();
    }
  });
  page.on("console", (msg) => {
    if (current && msg.type() === "error") problem(current, `console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => { if (current) problem(current, `script error: ${err.message}`); });

  for (const file of pages) {
    current = file;
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const wide = await page.evaluate(() => {
        const doc = document.documentElement;
        if (doc.scrollWidth <= window.innerWidth) return null;
        const over = [];
        for (const el of document.querySelectorAll("body *")) {
          const r = el.getBoundingClientRect();
          const spills = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible";
          if ((r.right > window.innerWidth + 0.5 || spills) && over.length < 5) {
            const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
              (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "");
            over.push(`${name} (right edge ${Math.round(r.right)} px, content ${el.scrollWidth} px)`);
          }
        }
        return { scroll: doc.scrollWidth, over };
      });
      if (wide)
        problem(file, `${width} px: scrolls horizontally (${wide.scroll} px wide): ${wide.over.join(", ")}`);
      if (width === WIDTHS[WIDTHS.length - 1]) {
        // axe-core, injected past the page's CSP (the page's own scripts stay under it)
        const client = await page.createCDPSession();
        await client.send("Runtime.evaluate", { expression: axeSource });
        const res = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ` +
            v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
        }, AXE_TAGS);
        for (const v of res) problem(file, `axe: ${v}`);
        const found = await page.evaluate(() => ({
          ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
          hrefs: [...document.querySelectorAll("a[href], link[href]")].map((e) => e.getAttribute("href")),
          srcs: [...document.querySelectorAll("script[src], img[src]")].map((e) => e.getAttribute("src")),
        }));
        ids.set(file, new Set(found.ids));
        for (const href of [...found.hrefs, ...found.srcs]) links.push({ from: file, href });
      }
    }
  }

  // ---- the catalogue's filters ----
  if (query) {
    const cases = JSON.parse(fs.readFileSync(query, "utf8"));
    for (const c of cases) {
      const file = path.resolve(root, c.page);
      current = file;
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const shown = await page.evaluate(async (filters) => {
        for (const [name, value] of Object.entries(filters)) {
          const el = document.querySelector(`[name="${name}"]`);
          if (!el) return { error: `no filter named ${name}` };
          el.value = value;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        }
        await new Promise((r) => setTimeout(r, 50));
        const count = document.getElementById("filter-count");
        return {
          ids: [...document.querySelectorAll("[data-id]")].filter((e) => !e.hidden).map((e) => e.dataset.id),
          count: count ? count.textContent : null,
        };
      }, c.filters);
      if (shown.error) { problem(file, `filters ${JSON.stringify(c.filters)}: ${shown.error}`); continue; }
      if (shown.count !== String(shown.ids.length))
        problem(file, `filters ${JSON.stringify(c.filters)}: the form says ${shown.count} found, ${shown.ids.length} shown`);
      const want = [...c.expect].sort(), got = [...shown.ids].sort();
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        const missing = want.filter((x) => !got.includes(x)), extra = got.filter((x) => !want.includes(x));
        problem(file, `filters ${JSON.stringify(c.filters)}: shows ${got.length} measures, veilig query ${want.length}` +
          ` (missing ${missing.slice(0, 5).join(" ")}; extra ${extra.slice(0, 5).join(" ")})`);
      }
    }
  }
} finally {
  await browser.close();
}

// ---- links and anchors ----
for (const { from, href } of links) {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // absolute: https:, mailto:, tel:
  if (href.startsWith("//")) { problem(from, `protocol-relative link ${href}`); continue; }
  const [p, anchor] = href.split("#");
  const target = p === "" ? from : path.resolve(path.dirname(from), decodeURIComponent(p));
  if (!inSite(target)) { problem(from, `link ${href} leaves the site`); continue; }
  if (!fs.existsSync(target)) { problem(from, `link ${href}: no such file`); continue; }
  if (anchor !== undefined && anchor !== "") {
    let set = ids.get(target);
    if (!set) {
      // a page not checked in this run: read its ids from the source
      const text = fs.readFileSync(target, "utf8");
      set = new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
      ids.set(target, set);
    }
    if (!set.has(decodeURIComponent(anchor))) problem(from, `link ${href}: no element with id "${anchor}"`);
  }
}

console.log(`check_pages: ${pages.length} pages, ${problems} problems`);
process.exit(problems ? 1 : 0);
