/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium), never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-core fonts-noto-cjk`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export function assertPortalBuilt(): void {
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'portal', 'index.html'))) {
    throw new Error('the portal is not built: run npm run build:portal first');
  }
}

/** axe-core on the page as it is, with the WCAG 2.2 AA tags; returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')} -- ${v.help}`,
  );
}

/**
 * False when the page fits the viewport's width once its layout has settled (components that measure
 * themselves re-layout a frame or two after a resize: up to 2 s is allowed); otherwise the widest
 * elements past either edge (Arabic overflows to the left), named, so a failure says what to fix.
 */
export async function scrollsSideways(page: Page): Promise<false | string> {
  const fits = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;
  try {
    await page.waitForFunction(fits, null, { timeout: 2_000 });
    return false;
  } catch {
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const past = [...document.querySelectorAll<HTMLElement>('body *')]
        .map((e) => ({ e, box: e.getBoundingClientRect() }))
        .map(({ e, box }) => ({ e, box, past: Math.max(box.right - width, -box.left) }))
        .filter(({ past }) => past > 1)
        .sort((a, b) => b.past - a.past)
        .slice(0, 3)
        .map(({ e, box }) => {
          const id = e.id ? `#${e.id}` : '';
          const test = e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '';
          const name = `${e.tagName.toLowerCase()}${id}${test}.${[...e.classList].slice(0, 2).join('.')}`;
          return `${name} at ${Math.round(box.left)}..${Math.round(box.right)} px`;
        });
      return `${document.documentElement.scrollWidth} px wide in ${width} px: ${past.join('; ')}`;
    });
  }
}
