// Browser tests of the newsgraph web UI.
//
// Drives Debian's Chromium (/usr/bin/chromium) with playwright-core against a running
// `newsgraph serve` whose store holds the example articles (see run.sh): opens the
// home page, a story (timeline, chart, graph), an article (hovers an event), an actor,
// searches, then posts an article full of script and checks nothing of it runs.
// Every page must load without a console error, a page error or a request to another
// origin (the UI works offline). Screenshots go to $OUT (default target/browser).
//
// Exits non-zero when any check fails; the last line is "N passed, N failed".

import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BASE = (process.env.NEWSGRAPH_URL || "http://127.0.0.1:18181").replace(/\/$/, "");
const OUT = resolve(process.env.OUT || "target/browser");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(OUT, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}

const userDataDir = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const problems = [];
const foreign = [];
const dialogs = [];
context.on("page", watch);
function watch(page) {
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
}
// Nothing may be fetched from anywhere but the server: no CDN, works offline.
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(BASE + "/") || url === BASE || url.startsWith("data:")) {
    return route.continue();
  }
  foreign.push(url);
  return route.abort();
});

// The first tab exists already (watch it); new tabs are watched as they open.
let page = context.pages()[0];
if (page) watch(page);
else page = await context.newPage();

async function shot(name, fullPage = true) {
  await page.screenshot({ path: join(OUT, name), fullPage });
}

function clean(where) {
  check(`${where}: no console or page errors`, problems.length === 0, problems.join(" | "));
  check(`${where}: no request to another origin`, foreign.length === 0, foreign.join(" "));
  problems.length = 0;
  foreign.length = 0;
}

try {
  // 1. Home: active stories.
  let resp = await page.goto(BASE + "/");
  check("home answers 200", resp && resp.status() === 200, resp && String(resp.status()));
  check("home shows active stories", (await page.locator("h1").first().textContent()) === "Active stories");
  const storyLinks = page.locator("a.story-title");
  check("home lists stories", (await storyLinks.count()) > 0);
  const cssOk = await page.evaluate(() => getComputedStyle(document.querySelector("header.top")).display === "flex");
  check("stylesheet applies", cssOk);
  await shot("home.png");
  clean("home");

  // 2. A story: the largest one (most articles).
  const sizes = await page.locator("li.story .meta").allTextContents();
  let best = 0;
  sizes.forEach((t, i) => {
    const n = parseInt((t.match(/(\d+) articles?/) || [0, 0])[1], 10);
    const b = parseInt((sizes[best].match(/(\d+) articles?/) || [0, 0])[1], 10);
    if (n > b) best = i;
  });
  await storyLinks.nth(best).click();
  await page.waitForLoadState("load");
  check("story page opens", page.url().includes("/stories/"), page.url());
  const timeline = page.locator("svg.timeline");
  check("story shows a timeline", await timeline.isVisible());
  const dots = timeline.locator("circle.dot");
  check("timeline has events", (await dots.count()) > 0, String(await dots.count()));
  const chart = page.locator("svg.chart").first();
  check("story shows a chart", (await page.locator("svg.chart").count()) > 0 && (await chart.isVisible()));
  check("chart has points", (await chart.locator("circle.pt").count()) >= 2);
  check("story shows the actor graph", await page.locator("svg.graph").isVisible());
  await dots.first().hover();
  const tip = page.locator("#tip");
  await tip.waitFor({ state: "visible", timeout: 3000 }).catch(() => {});
  check("hovering a timeline event shows its details", (await tip.isVisible()) && /report/.test(await tip.textContent()));
  await shot("story.png");
  clean("story");

  // 3. An article of the story: the reader with highlights; hover an event.
  const articleLinks = page.locator("#articles ol.articles a");
  check("story lists its articles", (await articleLinks.count()) > 0);
  // Prefer an article with events: try them in order.
  let opened = false;
  const n = await articleLinks.count();
  const storyUrl = page.url();
  for (let i = 0; i < n && !opened; i++) {
    await page.goto(storyUrl);
    await page.locator("#articles ol.articles a").nth(i).click();
    await page.waitForLoadState("load");
    opened = (await page.locator("#body .ev").count()) > 0;
  }
  check("reader opens an article with events", opened, page.url());
  check("reader highlights mentions", (await page.locator("#body .m").count()) > 0);
  check("reader highlights times", (await page.locator("#body .t").count()) > 0);
  const ev = page.locator("#body .ev").first();
  await ev.scrollIntoViewIfNeeded();
  await ev.hover();
  await tip.waitFor({ state: "visible", timeout: 3000 }).catch(() => {});
  const tipText = (await tip.isVisible()) ? await tip.textContent() : "";
  check("hovering an event shows its type and modality", /^Event [A-Z]+/.test(tipText) && /ASSERTED|REPORTED|PLANNED|POSSIBLE|CONDITIONAL|THREATENED|NEGATED/.test(tipText), tipText);
  await shot("reader.png", false);
  await shot("reader-full.png");
  // The legend switches a kind of highlight off.
  await page.locator('input[data-toggle="ev"]').uncheck();
  check("legend toggles event highlights", await page.locator("#body").evaluate((b) => b.classList.contains("hide-ev")));
  await page.locator('input[data-toggle="ev"]').check();
  // A mention links to its actor.
  const mention = page.locator("#body a.m").first();
  check("mentions link to actors", (await mention.count()) > 0);
  await mention.click();
  await page.waitForLoadState("load");
  check("actor page opens", page.url().includes("/actors/"), page.url());
  check("actor page shows relations and events", (await page.locator("h2", { hasText: "Relations" }).count()) === 1 && (await page.locator("h2", { hasText: "Events as source" }).count()) === 1);
  await shot("actor.png");
  clean("reader and actor");

  // 4. Search from the top bar.
  await page.fill("header form.quick input[name=q]", "crew released");
  await page.press("header form.quick input[name=q]", "Enter");
  await page.waitForLoadState("load");
  const hits = page.locator("ol.hits li.hit");
  check("search finds articles", (await hits.count()) > 0, String(await hits.count()));
  check("search marks the matches", (await page.locator("ol.hits mark").count()) > 0);
  // Filters narrow the results.
  const before = await hits.count();
  await page.fill("form.filters input[name=from]", "2026-03-12");
  await page.click("form.filters button[type=submit]");
  await page.waitForLoadState("load");
  const after = await page.locator("ol.hits li.hit").count();
  check("search filters narrow the results", after < before, `${before} → ${after}`);
  await shot("search.png");
  clean("search");

  // 5. An article full of markup and script: shown as text, nothing runs.
  const evil = {
    title: "Harbour <script>window.__xss='title';alert('title')</script> closed",
    body:
      "Officials closed the harbour on Monday <script>window.__xss='body';alert('body')</script>. " +
      "<img src=x onerror=\"window.__xss='img';alert('img')\"> The crew was held for two days. " +
      "<svg onload=\"window.__xss='svg'\"></svg> Read <a href=\"javascript:window.__xss='link'\">more</a>.",
    url: "javascript:window.__xss='url'",
    source: "Evil <b>Wire</b>",
    author: "<script>window.__xss='byline'</script>",
    date: "2026-03-20",
  };
  const post = await fetch(BASE + "/api/articles", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(evil),
  });
  check("the script-laden article is accepted", post.status === 201, String(post.status));
  const { articles } = await post.json();
  await page.goto(BASE + "/articles/" + articles[0].id);
  await page.waitForLoadState("load");
  // Click whatever could be a link, hover everything highlighted.
  for (const el of await page.locator("#body a, .meta a, .ext").all()) {
    await el.hover().catch(() => {});
  }
  await page.waitForTimeout(300);
  const xss = await page.evaluate(() => window.__xss || null);
  check("no injected script ran", xss === null && dialogs.length === 0, `${xss} ${dialogs.join(",")}`);
  check("the markup is shown as text", (await page.locator("#body").textContent()).includes("<script>window.__xss='body'"));
  check("no injected element exists", (await page.locator("#body img, #body script, #body svg, .meta b, .meta script").count()) === 0);
  check("a javascript: URL is no link", (await page.locator('a[href^="javascript"]').count()) === 0);
  await shot("xss.png", false);
  for (const path of ["/", "/search?q=harbour", "/articles", "/events"]) {
    await page.goto(BASE + path);
    await page.waitForLoadState("load");
  }
  const xss2 = await page.evaluate(() => window.__xss || null);
  check("no injected script ran on listings", xss2 === null && dialogs.length === 0);
  clean("xss");

  // 6. The API document loads from the same origin.
  const doc = await page.evaluate(async () => (await fetch("/api/openapi.json")).json());
  check("the OpenAPI document is served", doc.openapi === "3.1.0" && !!doc.paths["/api/search"]);
} catch (e) {
  check("browser run finished", false, e && e.stack ? e.stack : String(e));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`screenshots in ${OUT}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
