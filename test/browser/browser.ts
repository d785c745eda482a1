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

/** True when the page is wider than the viewport (a sideways scroll). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
