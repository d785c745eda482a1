/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { mkdirSync, readFileSync } from 'node:fs';
import { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { bearer } from '../factories/grant-cycle';
import { balance, contribute, createDonor, createFund } from '../factories/money';
import { adminToken, Api, startApi, startWorker, userWithRoles } from '../setup/harness';
import { pdfText } from '../setup/pdf-text';
import { assertPortalBuilt, checkPage, launchBrowser } from './browser';

/**
 * The finance officer's journey in Chromium against the real API, worker, PostgreSQL and Redis (issue 16,
 * part A): it records a NOK contribution at a stated rate, sees the USD amount before confirming (the same
 * the API then records), and opens the receipt, whose PDF text holds the receipt number and both amounts;
 * the balance at the end of an earlier day equals the API's; the statement's CSV download holds exactly the
 * figures on screen; a period is closed after a confirmation; axe finds nothing on any finance page, in
 * English and in Arabic, and nothing scrolls sideways at 320 px. SHOTS_DIR=<folder> keeps a screenshot of
 * each page.
 */
const SHOTS = process.env.SHOTS_DIR;
const PASSWORD = 'a-good-password-1'; // userWithRoles's
const PAGES = ['balance', 'contributions', 'pledges', 'costs', 'rates', 'reports'] as const;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Integer minor units as the portal shows them (lib/format.ts formatMoney: Intl on an exact decimal string). */
function money(minor: number, currency: string, locale = 'en'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const e = format.resolvedOptions().maximumFractionDigits ?? 2;
  const digits = String(Math.abs(minor)).padStart(e + 1, '0');
  const decimal = `${minor < 0 ? '-' : ''}${e ? `${digits.slice(0, -e)}.${digits.slice(-e)}` : digits}`;
  return format.format(decimal as unknown as number);
}

describe('the finance journey in a browser', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let finance: { email: string; token: string };
  let fund: { id: string; code: string; currency: string };
  let donor: { id: string; name: string };

  beforeAll(async () => {
    assertPortalBuilt();
    api = await startApi();
    worker = await startWorker();
    const address = api.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const admin = await adminToken(api);
    finance = await userWithRoles(api, ['finance']);
    fund = await createFund(api, admin);
    donor = await createDonor(api, finance.token);
    // The UN operational rate for NOK, in force from before the money came; the page states another.
    const rate = await api
      .http()
      .post('/api/exchange-rates')
      .set(bearer(finance.token))
      .send({ currency: 'NOK', rate: '10.25', effectiveFrom: day(-30) });
    expect(rate.status).toBe(201);
    // Money received ten days ago, so the balance at the end of five days ago has something to show.
    const earlier = await contribute(api, finance.token, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 2_500_000,
      receivedAt: `${day(-10)}T09:00:00.000Z`,
    });
    expect(earlier.status).toBe(201);
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const context = (locale: string): Promise<BrowserContext> =>
    browser.newContext({
      locale,
      viewport: { width: 1280, height: 900 },
      timezoneId: 'UTC',
      acceptDownloads: true,
    });

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  async function signIn(page: Page): Promise<void> {
    await open(page, '/sign-in');
    await page.locator('input[type=email]').fill(finance.email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${base}/dashboard`);
    await page.getByTestId('welcome').waitFor();
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
    const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
    return readFileSync((await download.path())!);
  }

  const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

  it('records a NOK contribution at a stated rate, shows the USD amount first, and opens its receipt', async () => {
    const ctx = await context('en-GB');
    const page = await ctx.newPage();
    try {
      await signIn(page);
      await page.getByRole('link', { name: 'Contributions' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contributions' }).waitFor();
      await open(page, `/finance/contributions?fund=${fund.id}`);
      await field(page, 'donor-search').fill(donor.name);
      await field(page, 'donor-id').selectOption(donor.id);
      await field(page, 'c-currency').selectOption('NOK');
      await field(page, 'c-amount').fill('125,000.50');
      // The operational rate in force is shown; the officer states the bank's rate instead.
      await page.getByTestId('rate-in-force').filter({ hasText: '10.25 NOK per US dollar' }).waitFor();
      await page.locator('#rate-stated').check();
      await field(page, 'c-rate').fill('10.6543');
      // 125,000.50 NOK / 10.6543 = 11,732.3991... USD, rounded half away from zero to the cent.
      const preview = await page.getByTestId('usd-preview').innerText();
      expect(preview).toContain(money(1_173_240, 'USD'));
      await checkPage(page, 'contribution-form-en');
      await page.getByRole('button', { name: 'Review' }).click();
      expect(await page.getByTestId('review').innerText()).toContain(money(12_500_050, 'NOK'));
      await page.getByTestId('confirm-contribution').click();
      await page.getByTestId('receipt-number').waitFor();
      const receipt = (await page.getByTestId('receipt-number').innerText()).split(':').pop()!.trim();

      // The API recorded what the page showed before confirming.
      const [row]: { id: string; usd_amount: string; usd_rate: string; amount: string }[] =
        await api.db.query(
          `SELECT id, usd_amount, usd_rate::text, amount FROM contributions WHERE receipt_number = $1`,
          [receipt],
        );
      expect({ amount: Number(row.amount), usd: Number(row.usd_amount), rate: Number(row.usd_rate) }).toEqual(
        {
          amount: 12_500_050,
          usd: 1_173_240,
          rate: 10.6543,
        },
      );
      await checkPage(page, 'contribution-recorded-en');

      // The receipt, opened from the page: its text holds the number and both amounts.
      const pdf = await downloaded(page, () => page.getByTestId('receipt-pdf').click());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(receipt);
      expect(text).toContain('125,000.50 NOK');
      expect(text).toContain('11,732.40 USD');

      // The list has it, filtered by currency.
      await field(page, 'f-currency').selectOption('NOK');
      await page.locator(`tr[data-receipt="${receipt}"]`).waitFor();
      expect(await page.locator('[data-testid=contributions] tbody tr').count()).toBe(1);
    } finally {
      await ctx.close();
    }
  }, 240_000);

  it('shows the balance at the end of an earlier day as the API does, and a statement whose CSV is the table', async () => {
    const ctx = await context('en-GB');
    const page = await ctx.newPage();
    try {
      await signIn(page);
      await open(page, `/finance/balance?fund=${fund.id}`);
      await page.getByTestId('statement').waitFor();
      const asOf = day(-5);
      const api5 = await balance(api, finance.token, fund.id, asOf);
      const now = await balance(api, finance.token, fund.id);
      expect(api5.available).toBe(2_500_000);
      expect(now.available).toBe(2_500_000 + 1_173_240);
      expect(await page.getByTestId('balance-available').innerText()).toBe(money(now.available, 'USD'));
      await field(page, 'balance-as-of').fill(asOf);
      await page.waitForFunction(
        (expected) => document.querySelector('[data-testid=balance-available]')?.textContent === expected,
        money(api5.available, 'USD'),
        { timeout: 10_000 },
      );
      for (const key of ['received', 'committed', 'psc', 'costs'] as const) {
        expect(await page.getByTestId(`balance-${key}`).innerText()).toBe(money(api5[key], 'USD'));
      }

      // The statement's CSV: every line's amount is the figure the table shows, by the same rule.
      const csv = await downloaded(page, () => page.getByTestId('statement-csv').click());
      const rows = parse(csv.toString('utf8'), { columns: true, bom: true }) as Record<string, string>[];
      const onScreen = await page.$$eval('[data-testid=statement] tr[data-key]', (trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-key')!,
          (tr.querySelector('td') as HTMLElement).innerText.trim(),
        ]),
      );
      const fromCsv = rows
        .filter((r) => r.amount !== '')
        .map((r) => [r.key, money(Number(r.amount), r.currency)]);
      expect(fromCsv).toEqual(onScreen);
      expect(onScreen).toContainEqual(['movements.contributions', money(2_500_000 + 1_173_240, 'USD')]);
      await checkPage(page, 'balance-en');

      // Period close: confirmed in a dialog, then the closed-up-to day is shown.
      await field(page, 'close-through').fill(day(-20));
      await page.getByRole('button', { name: 'Close the period' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Close the period' }).click();
      await page.getByTestId('closed-through').waitFor();
      expect(await page.getByTestId('closed-through').innerText()).toContain('The books are closed up to');
    } finally {
      await ctx.close();
    }
  }, 240_000);

  it("records a fund-level cost and lists it with the fund's costs, there still after a reload", async () => {
    const ctx = await context('en-GB');
    const page = await ctx.newPage();
    try {
      await signIn(page);
      await open(page, `/finance/costs?fund=${fund.id}`);
      await field(page, 'cost-description').fill('External evaluation');
      await field(page, 'cost-amount').fill('1,250.00');
      await page.getByRole('button', { name: 'Add a cost' }).click();
      const row = page.getByTestId('costs').getByRole('row', { name: /External evaluation/ });
      await row.waitFor();
      expect(await row.innerText()).toContain(money(125_000, fund.currency));
      await page.reload();
      await row.waitFor();
      expect((await balance(api, finance.token, fund.id)).costs).toBe(125_000);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it.each([
    ['en', 'en-GB'],
    ['ar', 'ar-EG'],
  ])(
    'has nothing for axe on any finance page in %s, and nothing scrolls sideways at 320 px',
    async (lang, locale) => {
      const ctx = await context(locale);
      const page = await ctx.newPage();
      try {
        await signIn(page);
        // The profile's language (English) is applied at sign-in; the reader switches.
        await page.getByTestId('language-switch').selectOption(lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        for (const name of PAGES) {
          if (lang === 'en' && (name === 'balance' || name === 'contributions')) continue; // checked above
          await open(page, `/finance/${name}?fund=${fund.id}`);
          await checkPage(page, `${name}-${lang}`);
        }
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      } finally {
        await ctx.close();
      }
    },
    240_000,
  );
});
