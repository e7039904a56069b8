// End-to-end test of the preview page in Debian's headless Chromium (playwright-core, no
// browser download). Usage: node preview.test.mjs <base-url> [screenshot.png]
//
// Loads /preview, runs the APS fixture in Japanese, checks the critical card, its suggestion
// and FHIR actions and the trace, saves a full-page screenshot, then checks that HTML pasted
// into a request (and into card Markdown) never becomes markup. Exits non-zero on failure.

import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.argv[2] || '').replace(/\/$/, '');
const screenshot = resolve(process.argv[3] || 'target/preview-ja.png');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const APS_FIXTURE = 'general/VTE-APS-NO-DOAC/in-rivaroxaban-sign';
const RULE = 'VTE-APS-NO-DOAC';
const HOSTILE = '<img src=x onerror=alert(1)>';
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;

if (!base.startsWith('http')) {
  console.error('usage: node preview.test.mjs <base-url> [screenshot.png]');
  process.exit(2);
}

let passed = 0;
let failed = 0;
async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(error && error.stack || error).split('\n').join('\n  ')}`);
    throw error;
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'venous-cds-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
  locale: 'en-US',
});
context.setDefaultTimeout(15_000);

const page = context.pages()[0] || (await context.newPage());
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
});
page.on('dialog', async (dialog) => {
  problems.push(`a dialog opened (script ran): ${dialog.message()}`);
  await dialog.dismiss();
});
page.on('response', (response) => {
  if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
});
// Nothing may be loaded from anywhere but the service.
page.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith(base) && !url.startsWith('data:')) problems.push(`request to another origin: ${url}`);
});

let exitCode = 0;
try {
  const card = page.locator(`article.card[data-rule-id="${RULE}"]`);

  await step('the preview page loads with its services and fixtures', async () => {
    const response = await page.goto(`${base}/preview`);
    assert(response && response.ok(), `GET /preview answered ${response && response.status()}`);
    const csp = response.headers()['content-security-policy'] || '';
    assert(csp.startsWith("default-src 'self'"), `CSP: ${csp}`);
    await page.waitForSelector('body[data-ready="true"]');
    const fixtures = Number(await page.getAttribute('#fixture', 'data-loaded'));
    assert(fixtures > 100, `only ${fixtures} fixtures listed`);
    assert(await page.locator(`#fixture option[value="${APS_FIXTURE}"]`).count() === 1, 'APS fixture not offered');
    assert(await page.locator('#service option').count() > 0, 'no services');
  });

  await step('the APS fixture runs in Japanese and shows the critical card', async () => {
    await page.selectOption('#fixture', APS_FIXTURE);
    await page.waitForFunction((path) => document.querySelector('#request').dataset.fixture === path
      && document.querySelector('#request').value.includes('draft-rivaroxaban'), APS_FIXTURE);
    assert(await page.inputValue('#service') === 'venous-anticoagulation-sign', 'service not taken from the fixture');
    await page.selectOption('#language', 'ja');
    await page.click('#run');
    await card.waitFor({ state: 'visible' });
    assert(await card.count() === 1, `${await card.count()} ${RULE} cards`);
    assert(await card.getAttribute('data-indicator') === 'critical', 'the card is not critical');
    const border = await card.evaluate((node) => getComputedStyle(node).borderLeftColor);
    assert(border === 'rgb(198, 40, 40)', `critical border colour is ${border}`);
    const info = await page.textContent('#call-info');
    assert(info.includes('2026-11-21') && info.includes('ja'), `call info: ${info}`);
  });

  await step('the card summary is Japanese when the ja texts exist (English fallback otherwise)', async () => {
    const summary = (await card.locator('.card-summary').textContent()) || '';
    const lang = await card.getAttribute('lang');
    assert(summary.trim().length > 0, 'empty summary');
    if (lang === 'ja') {
      assert(CJK.test(summary), `lang=ja but the summary has no Japanese: ${summary}`);
      const font = await card.locator('.card-summary').evaluate((node) => getComputedStyle(node).fontFamily);
      assert(/Noto Sans CJK JP|Hiragino/.test(font), `Japanese card without the Japanese font stack: ${font}`);
      console.log(`  summary (ja): ${summary}`);
    } else {
      console.log(`  NOTICE: no Japanese text for ${RULE} yet; the card falls back to English: ${summary}`);
    }
  });

  await step('the suggestion button shows its FHIR actions', async () => {
    const button = card.locator('button.suggestion').first();
    await button.waitFor({ state: 'visible' });
    await button.click();
    assert(await button.getAttribute('aria-expanded') === 'true', 'the suggestion did not expand');
    const remove = card.locator('.action[data-action-type="delete"][data-resource-id="MedicationRequest/draft-rivaroxaban"]');
    await remove.waitFor({ state: 'visible' });
    const create = card.locator('.action[data-action-type="create"][data-resource-type="MedicationRequest"]');
    await create.waitFor({ state: 'visible' });
    const resource = JSON.parse(await create.locator('pre.action-resource').textContent());
    assert(resource.resourceType === 'MedicationRequest', 'the created resource is not a MedicationRequest');
    assert(JSON.stringify(resource).includes('warfarin'), 'the created MedicationRequest is not warfarin');
    assert(await card.locator('.override-reason').count() > 0, 'no override reasons');
    assert((await card.locator('.source-label').textContent()).trim().length > 0, 'no source label');
  });

  await step('the trace names the rule and the facts with their FHIR references', async () => {
    await page.locator(`.rule-fired[data-rule-id="${RULE}"]`).waitFor();
    const aps = page.locator('tr.fact', { hasText: 'APS' });
    assert(await aps.locator('code.reference', { hasText: 'Condition/aps' }).count() >= 1, 'no APS fact naming Condition/aps');
    const facts = await page.locator('tr.fact .fact-text').allTextContents();
    assert(facts.some((f) => f.startsWith('rivaroxaban ordered (therapeutic)')), `facts: ${facts.join(' | ')}`);
  });

  await step(`a full-page screenshot is saved to ${screenshot}`, async () => {
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot, fullPage: true });
  });

  await step('the Markdown renderer lets no HTML through', async () => {
    const result = await page.evaluate((hostile) => {
      const box = document.createElement('div');
      box.innerHTML = window.VenousPreview.renderMarkdown(
        `${hostile} **bold** \`<b>code</b>\`\n- item <script>alert(2)</script>\n\n` +
        '[bad](javascript:alert(3)) [good](https://example.org/a?b=1&c=2) [q](https://x.org/"onmouseover="alert(4))'
      );
      return {
        tags: [...box.querySelectorAll('*')].map((n) => n.tagName.toLowerCase()).sort(),
        hrefs: [...box.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        handlers: [...box.querySelectorAll('*')].some((n) => [...n.attributes].some((a) => a.name.startsWith('on'))),
        text: box.textContent,
      };
    }, HOSTILE);
    assert(!result.tags.includes('img') && !result.tags.includes('script') && !result.tags.includes('b'), `tags: ${result.tags}`);
    assert(!result.handlers, 'an event handler attribute was created');
    assert(result.hrefs.every((h) => h.startsWith('https://')), `links: ${result.hrefs}`);
    assert(result.hrefs.includes('https://example.org/a?b=1&c=2'), `links: ${result.hrefs}`);
    assert(result.text.includes(HOSTILE), 'the hostile text is not shown as text');
  });

  await step('a pasted request with HTML in hookInstance shows it as text, creating no element', async () => {
    const request = JSON.parse(await page.inputValue('#request'));
    request.hookInstance = HOSTILE;
    await page.selectOption('#fixture', '');
    await page.fill('#request', JSON.stringify(request, null, 2));
    const runs = Number((await page.getAttribute('body', 'data-runs')) || 0);
    await page.click('#run');
    await page.waitForFunction((n) => Number(document.body.dataset.runs || 0) > n, runs);
    const shown = await page.textContent('#call-info .hook-instance .call-value');
    assert(shown === HOSTILE, `hookInstance shown as ${JSON.stringify(shown)}`);
    assert(await page.locator('img').count() === 0, 'an <img> element was created');
    assert((await page.textContent('#call-info')).includes('pasted request'), 'not run as a pasted request');
    assert(await page.locator('#error').isHidden(), `error: ${await page.textContent('#error')}`);
  });

  await step('no script error, dialog, CSP violation or foreign request happened', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
} catch (_) {
  exitCode = 1;
  if (problems.length) console.log(`  page problems:\n  ${problems.join('\n  ')}`);
  try {
    const failure = screenshot.replace(/\.png$/, '') + '-failure.png';
    await page.screenshot({ path: failure, fullPage: true });
    console.log(`  failure screenshot: ${failure}`);
  } catch (_) {
    // the page is gone
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
