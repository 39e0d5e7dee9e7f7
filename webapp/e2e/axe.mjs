// The automated WCAG check of the browser test (docs/accessibility.md): axe-core runs in the page
// after every step and at every screenshot (so dialogs a step opens are checked too). Findings are
// collected per route (`/tickets/123` counts as `/tickets/:n`); any serious or critical one fails
// the run, and a table of counts per route and impact is printed as lines starting with `AXE `.
import { createRequire } from 'node:module';

const axeSource = createRequire(import.meta.url)('axe-core').source;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The table's columns: axe's impacts, then the two structure rules below (a column of their own).
const IMPACTS = ['critical', 'serious', 'moderate', 'minor', 'structure'];
const BLOCKING = new Set(['critical', 'serious', 'structure']);
// Two best-practice rules outside those tags that the app keeps too: one h1 and one main landmark
// per page. They are checked only while no dialog or menu hides the page (MUI sets aria-hidden on
// it then), and fail the run like a serious finding does.
const STRUCTURE = ['page-has-heading-one', 'landmark-one-main'];

/** `/tickets/42` → `/tickets/:n`, so one route is one row however many tickets a journey opens. */
export const routeOf = (url) => {
  const path = new URL(url).pathname.replace(/\/\d+(?=\/|$)/g, '/:n');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
};

export const createAxeCheck = () => {
  // route → (rule|selector → { impact, rule, help, selector, step })
  const findings = new Map();
  const checkedRoutes = new Set();

  /** Runs axe on what the page shows now (once more if a navigation interrupts it), by route. */
  const check = (page, step) =>
    checkOnce(page, step).catch(async () => {
      await page.waitForLoadState();
      await checkOnce(page, step);
    });

  const checkOnce = async (page, step) => {
    const url = page.url();
    if (!url.startsWith('http')) return;
    const route = routeOf(url);
    checkedRoutes.add(route);
    // A dialog fading in or out is half transparent: wait until transitions end (spinners never do).
    await page
      .waitForFunction(
        () => document.getAnimations().every((animation) => animation.effect?.getTiming().iterations === Infinity),
        undefined,
        { timeout: 3000 },
      )
      .catch(() => {});
    // Through the DevTools protocol (not a <script> tag), so the app's Content-Security-Policy stays on.
    if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
    const run = (options) =>
      page.evaluate(async (options) => {
        const result = await window.axe.run(document, { ...options, resultTypes: ['violations'] });
        return result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.map((node) => ({
            selector: node.target.join(' '),
            // e.g. "Element has insufficient color contrast of 3.1 (foreground color: …)"
            why: node.failureSummary?.split('\n').slice(1).join(' ').trim(),
          })),
        }));
      }, options);
    const violations = await run({ runOnly: { type: 'tag', values: TAGS } });
    const structureOf = async () =>
      (await page.evaluate(() => document.getElementById('root')?.getAttribute('aria-hidden') === 'true'))
        ? []
        : run({ runOnly: { type: 'rule', values: STRUCTURE } });
    let structure = await structureOf();
    if (structure.length) {
      await page.waitForTimeout(1500); // a page still loading has neither yet: look once more
      structure = await structureOf();
    }
    for (const violation of structure) violations.push({ ...violation, impact: 'structure' });
    const seen = findings.get(route) ?? new Map();
    findings.set(route, seen);
    for (const violation of violations) {
      for (const { selector, why } of violation.targets) {
        const key = `${violation.id}|${selector}`;
        const help = why || violation.help;
        if (!seen.has(key)) seen.set(key, { impact: violation.impact, rule: violation.id, help, selector, step });
      }
    }
  };

  /** Prints the table and every blocking finding; returns how many blocking findings there are. */
  const report = () => {
    const rows = [...checkedRoutes].sort();
    const width = Math.max(5, ...rows.map((route) => route.length));
    console.log(`AXE ${'page'.padEnd(width)} ${IMPACTS.map((impact) => impact.padStart(9)).join(' ')}`);
    const totals = Object.fromEntries(IMPACTS.map((impact) => [impact, 0]));
    let blocking = 0;
    for (const route of rows) {
      const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, 0]));
      for (const finding of findings.get(route)?.values() ?? []) counts[finding.impact]++;
      IMPACTS.forEach((impact) => (totals[impact] += counts[impact]));
      console.log(`AXE ${route.padEnd(width)} ${IMPACTS.map((impact) => `${counts[impact]}`.padStart(9)).join(' ')}`);
    }
    console.log(`AXE ${'total'.padEnd(width)} ${IMPACTS.map((impact) => `${totals[impact]}`.padStart(9)).join(' ')}`);
    for (const route of rows) {
      for (const finding of findings.get(route)?.values() ?? []) {
        if (!BLOCKING.has(finding.impact)) continue;
        blocking++;
        console.log(
          `  ${route}: ${finding.rule} (${finding.impact}) at ${finding.selector} — ${finding.help} [after "${finding.step}"]`,
        );
      }
    }
    return blocking;
  };

  return { check, report };
};
