// Browser tests of the sitrep web UI: Debian's headless Chromium driven by playwright-core.
// A store is built from the seed article, the evaluation dev sets (read from ../shared at
// test time, never copied) and a hostile fixture; `sitrep serve` serves it on loopback.
//
//   SITREP_BIN   the sitrep binary (default: target/debug/sitrep)
//   SHARED       the shared data folder (default: ../shared beside the repository)
//   SCREENSHOTS  if set, a folder where each view's screenshot is written
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const bin = process.env.SITREP_BIN || join(repo, 'target/debug/sitrep');
const shared = process.env.SHARED || resolve(repo, '../shared');
const shots = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : null;
const inputs = [
  join(shared, 'examples/geneva-2022-01-10.txt'),
  join(shared, 'eval/events_dev.jsonl'),
  join(shared, 'eval/quotes_dev.jsonl'),
  join(here, 'fixtures/xss-2022-01-12.txt'),
];

let dir, server, base, browser, page;
const pageErrors = [];
const dialogs = [];

before(async () => {
  for (const f of [bin, ...inputs]) assert.ok(existsSync(f), `missing ${f}`);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ui-'));
  const db = join(dir, 'ui.sitrep');
  execFileSync(bin, ['ingest', '--db', db, ...inputs], { stdio: ['ignore', 'ignore', 'inherit'] });
  server = spawn(bin, ['serve', '--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error('server did not start: ' + err)), 30000);
    server.stderr.on('data', d => {
      err += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on('exit', code => fail(new Error(`server exited ${code}: ${err}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Nothing may leave loopback: the UI is offline.
  await context.route(url => !url.href.startsWith(base), route => route.abort());
  page = await context.newPage();
  page.on('pageerror', e => pageErrors.push(String(e)));
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss(); });
  if (shots) mkdirSync(shots, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGINT');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(hash, ready) {
  await page.goto(base + '/#' + hash);
  await page.waitForSelector(ready, { timeout: 15000 });
}

async function shot(name) {
  if (shots) await page.screenshot({ path: join(shots, name + '.png'), fullPage: false });
}

async function articleId(suffix) {
  const list = await (await fetch(base + '/api/articles?limit=500')).json();
  const a = list.items.find(i => i.id.endsWith(suffix));
  assert.ok(a, `article ${suffix} stored`);
  return a.id;
}

test('articles view lists the corpus', async () => {
  await open('/', 'table tbody tr');
  const rows = await page.locator('table tbody tr').count();
  assert.ok(rows >= 20, `rows: ${rows}`);
  assert.match(await page.locator('#corpus').textContent(), /\d+ articles/);
  await shot('articles');
});

test('article view: click an event, see its evidence sentence and rule', async () => {
  const id = await articleId('geneva-2022-01-10.txt');
  await open('/article/' + encodeURIComponent(id), '#article-text');
  assert.ok(await page.locator('#article-text .ent').count() > 3, 'entities highlighted');
  assert.ok(await page.locator('#article-text .quote').count() > 0, 'quotes highlighted');
  assert.ok(await page.locator('#article-text .trigger').count() > 0, 'event triggers highlighted');
  await page.locator('#event-table tbody tr').first().click();
  const panel = page.locator('#evidence');
  await panel.locator('.sentence').waitFor();
  const sentence = await panel.locator('.sentence').textContent();
  const trigger = await panel.locator('.sentence mark').textContent();
  assert.ok(sentence.includes(trigger) && trigger.length > 1, `trigger ${trigger} in ${sentence}`);
  assert.match(await panel.textContent(), /rule/);
  assert.match(await panel.textContent(), /QuadClass/);
  // The same through the text: click a highlighted trigger.
  await page.locator('#article-text .trigger').first().click();
  await panel.locator('.sentence mark').waitFor();
  assert.ok(await page.locator('#article-text .selected').count() > 0, 'event selected in the text');
  await shot('article');
  // A quote: its speaker links to the speaker's quotes.
  await page.locator('#quote-table tbody tr').first().click();
  await panel.locator('blockquote').waitFor();
  assert.ok(await panel.locator('.speaker-link').count() === 1, 'speaker linked');
});

test('quote search by words, then to the passage', async () => {
  await open('/quotes', '#quote-form');
  await page.fill('#quote-form input[name=q]', 'security');
  await page.click('#quote-form button');
  await page.waitForSelector('#quote-results .hit');
  const hits = await page.locator('#quote-results .hit').count();
  assert.ok(hits > 0);
  assert.ok(await page.locator('#quote-results .hit mark').count() > 0, 'matched words marked');
  await shot('quotes');
  await page.locator('#quote-results .hit .article-link').first().click();
  await page.waitForSelector('#evidence blockquote');
  assert.ok(await page.locator('#article-text .selected').count() > 0, 'passage selected');
});

test('quote search by speaker', async () => {
  await open('/quotes?speaker=Ryabkov', '#quote-results .hit, #quote-results p');
  const text = await page.locator('#quote-results').textContent();
  assert.match(text, /Ryabkov/);
});

test('dyad timeline: chart and a day with its events', async () => {
  await open('/timeline', '#timeline-chart');
  await page.waitForSelector('#timeline-chart canvas, #timeline-chart p');
  assert.equal(await page.locator('#timeline-chart canvas').count(), 1, 'chart drawn');
  await page.locator('#day-table tbody tr').first().click();
  await page.waitForSelector('#day-events table.events tbody tr');
  assert.ok(await page.locator('#day-events .article-link').count() > 0, 'events link their articles');
  await shot('timeline');
});

test('actor network: graph and edge table', async () => {
  await open('/network', '#cy');
  await page.waitForSelector('#cy canvas');
  await page.waitForSelector('#edge-events table tbody tr');
  assert.ok(await page.locator('#edge-events table tbody tr').count() > 0);
  const nodes = await page.evaluate(() => document.querySelectorAll('#cy canvas').length);
  assert.ok(nodes >= 1);
  await page.waitForTimeout(500);
  await shot('network');
});

test('map: country outlines from the binary and event places', async () => {
  await open('/map', '#map .leaflet-overlay-pane path');
  const paths = await page.locator('#map .leaflet-overlay-pane path').count();
  assert.ok(paths > 150, `country shapes and places: ${paths}`);
  await page.waitForSelector('table tbody tr');
  await page.waitForTimeout(300);
  await shot('map');
});

test('XSS: markup in an article is shown as text and never runs', async () => {
  const id = await articleId('xss-2022-01-12.txt');
  await open('/article/' + encodeURIComponent(id), '#article-text');
  const text = await page.locator('#article-text').textContent();
  assert.ok(text.includes('<script>window.__xss=1;alert(1)</script>'), 'script tag shown as text');
  assert.ok(text.includes('<img src=x onerror=window.__xss=2>'), 'img tag shown as text');
  assert.equal(await page.locator('#view script, #view img').count(), 0, 'no element made from the text');
  await page.locator('#article-text .quote').first().click().catch(() => {});
  await open('/quotes?q=string', '#quote-results');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'injected code did not run');
  assert.deepEqual(dialogs, [], 'no alert');
});

test('no script error on any page', () => {
  assert.deepEqual(pageErrors, []);
});
