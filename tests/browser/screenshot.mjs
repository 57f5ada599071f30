// Screenshots of pages for the docs (scripts/site-screenshots):
//   node screenshot.mjs NODE_MODULES WIDTH PAGE PNG [PAGE PNG ...]
// The first 1600 px of each page at WIDTH, with no request but the page's own files.
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [modules, width, ...pairs] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), "index.js"));
const puppeteer = require("puppeteer-core");
const browser = await puppeteer.launch({
  executablePath: process.env.VEILIG_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--hide-scrollbars"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: 1600 });
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    await page.goto(pathToFileURL(path.resolve(pairs[i])).href, { waitUntil: "load" });
    await page.screenshot({ path: pairs[i + 1], fullPage: false });
  }
} finally {
  await browser.close();
}
