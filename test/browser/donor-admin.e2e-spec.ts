/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import { INestApplicationContext } from '@nestjs/common';
import { unzipSync } from 'fflate';
import { mkdirSync, readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { contribute, createDonor, createFund } from '../factories/money';
import { Api, startApi, startWorker, userWithRoles } from '../setup/harness';
import { pdfText } from '../setup/pdf-text';
import { assertPortalBuilt, checkPage, launchBrowser } from './browser';

/**
 * The donor's and the administrator's pages in Chromium against the real API, worker, PostgreSQL and Redis
 * (issue 16): a donor signs in and sees its own three contributions only (another donor's exist and never
 * appear), downloads a year's receipts as one ZIP and finds one PDF per receipt number; an admin invites a
 * reviewer through the pages and finds the invitation in the audit log filtered by entity. axe finds
 * nothing on any page, in English and Arabic, and nothing scrolls sideways at 320 px.
 * SHOTS_DIR=<folder> keeps a screenshot of each page.
 */
const SHOTS = process.env.SHOTS_DIR;
const PASSWORD = 'a-good-password-1'; // the harness's users

describe('the donor and the administrator in a browser', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  const own: string[] = [];
  const others: string[] = [];
  let donor: { email: string; donorId: string };
  let admin: { email: string };

  beforeAll(async () => {
    assertPortalBuilt();
    api = await startApi();
    worker = await startWorker();
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    const [a, finance] = await Promise.all([userWithRoles(api, ['admin']), userWithRoles(api, ['finance'])]);
    admin = a;
    const fund = await createFund(api, a.token);
    const [donorA, donorB] = [
      await createDonor(api, finance.token),
      await createDonor(api, finance.token, 'private'),
    ];
    const give = async (donorId: string, amount: number, receivedAt: string, into: string[]) => {
      const res = await contribute(api, finance.token, { donorId, fundId: fund.id, amount, receivedAt });
      if (res.status !== 201) throw new Error(`contribution: ${res.status} ${JSON.stringify(res.body)}`);
      into.push(res.body.receiptNumber);
    };
    await give(donorA.id, 1_500_000, '2025-03-01T09:00:00Z', own);
    await give(donorB.id, 9_100_000, '2025-03-02T09:00:00Z', others);
    await give(donorA.id, 2_250_000, '2025-07-15T09:00:00Z', own);
    await give(donorA.id, 730_000, '2025-11-30T09:00:00Z', own);
    await give(donorB.id, 4_400_000, '2025-12-01T09:00:00Z', others);
    const user = await userWithRoles(api, ['donor'], { donorId: donorA.id });
    donor = { email: user.email, donorId: donorA.id };
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const context = (): Promise<BrowserContext> =>
    browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await open(page, '/sign-in');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${base}/dashboard`);
    await page.getByTestId('welcome').waitFor();
  }

  async function toArabic(page: Page): Promise<void> {
    await page.getByTestId('language-switch').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  }

  it('shows a donor its own three contributions only, and downloads the year as one ZIP of receipts', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    try {
      await signIn(page, donor.email);
      await page.getByRole('link', { name: 'My contributions' }).click();
      await page.getByTestId('donor-contributions').waitFor();
      const shown = await page
        .locator('[data-receipt]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-receipt')));
      expect([...shown].sort()).toEqual([...own].sort());
      const text = await page.locator('main').innerText();
      for (const n of others) expect(text).not.toContain(n);
      expect(text).not.toContain('91,000.00');
      await checkPage(page, 'donor-contributions-en');

      // All of 2025 as one download: a ZIP of one PDF per receipt, each stating its number.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'All receipts of 2025 (ZIP)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('receipts-2025.zip');
      const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
      expect(Object.keys(files).sort()).toEqual(own.map((n) => `receipt-${n}.pdf`).sort());
      for (const n of own) expect(pdfText(Buffer.from(files[`receipt-${n}.pdf`]))).toContain(`Receipt ${n}`);

      // One receipt, one click.
      const [one] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Receipt ${own[1]} (PDF)` }).click(),
      ]);
      expect(one.suggestedFilename()).toBe(`receipt-${own[1]}.pdf`);
      expect(pdfText(readFileSync(await one.path()))).toContain('22,500.00 USD');

      await open(page, '/donor/pledges');
      await checkPage(page, 'donor-pledges-en');
      await open(page, '/donor/impact');
      await checkPage(page, 'donor-impact-en');

      await toArabic(page);
      await checkPage(page, 'donor-impact-ar');
      await open(page, '/donor/pledges');
      await checkPage(page, 'donor-pledges-ar');
      await open(page, '/donor/contributions');
      await page.getByTestId('donor-contributions').waitFor();
      expect(await page.locator('[data-receipt]').count()).toBe(3);
      await checkPage(page, 'donor-contributions-ar');
    } finally {
      await ctx.close();
    }
  }, 300_000);

  it('lets an admin invite a reviewer and find the invitation in the audit log, filtered by entity', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const invitee = `reviewer-${Date.now().toString(36)}@tests.example.org`;
    try {
      await signIn(page, admin.email);
      await page.getByRole('link', { name: 'Users' }).click();
      await page.locator('#invite-email').waitFor();
      await checkPage(page, 'admin-users-en');
      await page.locator('#invite-email').fill(invitee);
      await page.getByRole('checkbox', { name: 'Reviewer' }).first().check();
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByTestId('invite-sent').waitFor();
      expect(await page.getByTestId('invite-sent').innerText()).toContain(invitee);
      await expect(page.getByTestId('invitations').innerText()).resolves.toContain(invitee);

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByTestId('audit').waitFor();
      await page.locator('#audit-entity').selectOption('invitation');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const sentence = page.getByTestId('audit-sentence').filter({ hasText: invitee });
      await sentence.waitFor();
      expect(await sentence.innerText()).toMatch(
        new RegExp(`^Test admin \\(Administrator\\) invited Reviewer ${invitee.replace(/[.]/g, '\\.')} on `),
      );
      const actions = await page
        .locator('tr[data-action]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.every((a) => a?.startsWith('invitation.'))).toBe(true);
      await page.locator('details summary').first().click();
      await checkPage(page, 'admin-audit-en');

      for (const [path, name] of [
        ['/admin/organizations', 'admin-organizations'],
        ['/admin/rates', 'admin-rates'],
        ['/admin/queues', 'admin-queues'],
      ]) {
        await open(page, path);
        await checkPage(page, `${name}-en`);
      }
      await toArabic(page);
      await checkPage(page, 'admin-queues-ar');
      for (const [path, name] of [
        ['/admin/users', 'admin-users'],
        ['/admin/audit', 'admin-audit'],
        ['/admin/organizations', 'admin-organizations'],
        ['/admin/rates', 'admin-rates'],
      ]) {
        await open(page, path);
        await checkPage(page, `${name}-ar`);
      }
    } finally {
      await ctx.close();
    }
  }, 300_000);
});
