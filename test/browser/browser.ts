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

/** Network idle and no spinner left (every section has loaded), so axe sees the whole page. */
export async function settledPage(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0, null, {
    timeout: 15_000,
  });
}

export interface CheckOptions {
  /** Where to keep a screenshot of the page (`<name>.png`): SHOTS_DIR unless given; false: nowhere. */
  shots?: string | false;
  /** Also at 320 px nothing scrolls sideways (the default); false: axe only. */
  narrow?: boolean;
  /** With `shots`, a screenshot at 320 px as well (`<name>-320.png`). */
  narrowShot?: boolean;
  /** How the page is waited for before axe (default: settledPage). */
  ready?: (page: Page) => Promise<void>;
  /** A pause after the resize to 320 px, before the sideways check (ms). */
  narrowPauseMs?: number;
}

/**
 * The check every browser journey makes of a page: once it has settled, axe (WCAG 2.2 AA) finds nothing and,
 * at 320 px wide, nothing scrolls sideways; then back to 1280 x 900. A failure names the page (`name`, which
 * carries its locale: `grant-ar`) with the violations or the elements past the edge.
 */
export async function checkPage(page: Page, name: string, options: CheckOptions = {}): Promise<void> {
  const { shots = process.env.SHOTS_DIR, narrow = true } = options;
  await (options.ready ?? settledPage)(page);
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  if (!narrow) return;
  await page.setViewportSize({ width: 320, height: 800 });
  if (options.narrowPauseMs) await page.waitForTimeout(options.narrowPauseMs);
  expect({ page: name, sideways: await scrollsSideways(page) }).toEqual({ page: name, sideways: false });
  if (shots && options.narrowShot)
    await page.screenshot({ path: join(shots, `${name}-320.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}
