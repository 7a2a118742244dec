// What every page a journey visits must be: free of axe-core violations, and no wider than the phone
// it is on (390 px), so nothing needs a sideways scroll of the whole page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';

export const PHONE = { width: 390, height: 844 };

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** axe-core finds nothing on the page. */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  // Our CSP forbids inline scripts, so axe is evaluated through the DevTools protocol instead.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  const lines = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => JSON.stringify(n.target))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(lines, `Accessibility problems on ${label}`).toEqual([]);
}

/** The page fits the phone's width: the document scrolls only down (a wide table scrolls in its own box). */
export async function checkFitsPhone(page: Page, label: string): Promise<void> {
  const fit = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    // When it does not fit, name the outermost elements that stick out, to say where to look.
    const wider =
      width <= viewport
        ? []
        : [...document.body.querySelectorAll<HTMLElement>('*')]
            .filter((el) => el.getBoundingClientRect().right > viewport + 1)
            .filter(
              (el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > viewport + 1),
            )
            .slice(0, 5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}`,
            );
    return { viewport, width, wider };
  });
  expect(
    fit.width,
    `${label} must fit a ${fit.viewport} px screen; sticking out: ${fit.wider.join(', ')}`,
  ).toBeLessThanOrEqual(fit.viewport);
}

/** Both checks, as one step of the report. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await test.step(`check ${label}`, async () => {
    await checkAccessibility(page, label);
    await checkFitsPhone(page, label);
  });
}
