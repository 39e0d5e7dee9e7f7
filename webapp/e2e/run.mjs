// End-to-end test of the web app in real Chromium against a running Tempodesk (embedded mode).
// Run by the api module's WebAppEndToEndTest (so `./tempodesk test` runs it), or by hand:
//   BASE_URL=http://localhost:8080 npm run e2e
// Steps whose API the backend does not serve yet (per openapi.json) are skipped and reported;
// they slot in as the login, replies and portal APIs land. A step with `enabledBy: 'NAME'` runs
// only with NAME=1 in the environment (for one that waits on a server change not yet merged).
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { scenario } from './steps.mjs';
import { createAxeCheck } from './axe.mjs';

const baseUrl = process.env.BASE_URL ?? 'http://localhost:8080';
const screenshots = process.env.SCREENSHOTS_DIR ?? new URL('../target/screenshots/', import.meta.url).pathname;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const spec = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
const api = (path) => Object.hasOwn(spec.paths, path);

mkdirSync(screenshots, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const newContext = async () => {
  const created = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: baseUrl });
  created.setDefaultTimeout(20_000);
  return created;
};
const context = await newContext();
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
// Anything the Content-Security-Policy refuses fails the run: the app must work under it.
const cspViolations = [];
await context.exposeBinding('reportCspViolation', (_source, violation) => cspViolations.push(violation));
await context.addInitScript(() =>
  document.addEventListener('securitypolicyviolation', (event) =>
    window.reportCspViolation(
      `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} on ${location.pathname}`,
    ),
  ),
);
// Refused API calls, printed when a step fails (a 401 or 403 explains most surprises).
const refused = [];
page.on('response', (response) => {
  if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/api/')) {
    refused.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  }
});

const axe = createAxeCheck();
let failed = 0;
let passed = 0;
let skipped = 0;
// E2E_STEPS=login,agents,sla-policy runs only these steps (by id), for working on a few of them.
const only = process.env.E2E_STEPS?.split(',').map((id) => id.trim());
for (const step of scenario.filter((candidate) => !only || only.includes(candidate.id))) {
  const missing = (step.needs ?? []).filter((path) => !api(path));
  if (missing.length) {
    skipped++;
    console.log(`SKIP ${step.name} (backend has no ${missing.join(', ')} yet)`);
    continue;
  }
  if (step.enabledBy && process.env[step.enabledBy] !== '1') {
    skipped++;
    console.log(`SKIP ${step.name} (not enabled: set ${step.enabledBy}=1)`);
    continue;
  }
  const started = Date.now();
  try {
    // the page's top, or (with a locator) just that part of the page, scrolled into view
    const screenshot = async (name, part) => {
      const path = `${screenshots}/${name}.png`;
      if (part) {
        await part.screenshot({ path, animations: 'disabled' });
      } else {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path, animations: 'disabled' });
      }
      await axe.check(page, step.name); // what a screenshot shows (an open dialog too) is checked
    };
    // newContext: a second person in a browser of their own (the step closes it).
    await step.run({ page, context, screenshot, api, newContext });
    await axe.check(page, step.name);
    passed++;
    console.log(`PASS ${step.name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${step.name} at ${page.url()}: ${error.stack ?? error}`);
    console.log(`  refused API calls so far: ${refused.join(', ') || 'none'}`);
    await page.screenshot({ path: `${screenshots}/failed-${step.id}.png`, fullPage: true }).catch(() => {});
    break; // later steps build on earlier ones
  }
}
if (pageErrors.length) {
  failed++;
  console.log(`FAIL uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`);
}
if (cspViolations.length) {
  failed++;
  console.log(`FAIL Content-Security-Policy violations:\n  ${cspViolations.join('\n  ')}`);
}
if (axe.report()) {
  failed++;
  console.log('FAIL accessibility: serious or critical axe-core findings (listed above; docs/accessibility.md)');
}
await browser.close();
console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped; screenshots in ${screenshots}`);
process.exit(failed ? 1 : 0);
