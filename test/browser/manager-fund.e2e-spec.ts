/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import { INestApplicationContext } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '@app/core';
import { NotificationsService } from '@app/identity';
import { bearer } from '../factories/grant-cycle';
import { pngImage } from '../factories/images';
import { closedCallWithEligible, decide } from '../factories/grants';
import { contribute, createDonor, createFund } from '../factories/money';
import { Api, staffTokens, startApi, startWorker, unique, userWithRoles } from '../setup/harness';
import { assertPortalBuilt, checkPage, launchBrowser } from './browser';

/**
 * The fund manager's pages in Chromium against the real API, worker, PostgreSQL and Redis (issue 15, part
 * A): the fund page's progress bar and chart follow a contribution recorded through the API without a
 * reload; a draft call with a three-criterion rubric is written, refused at 90, published and opened; the
 * agreement of a grant prepared through the API is signed and finance releases its first tranche; the
 * notices' unread count goes down as they are read. axe finds nothing on any page in English and Arabic;
 * the fund page does not scroll sideways at 320 px. SHOTS_DIR=<folder> keeps a screenshot of each page.
 */
const SHOTS = process.env.SHOTS_DIR;
const PASSWORD = 'a-good-password-1'; // userWithRoles's
const NOT_AN_IMAGE = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(2000, 0x20),
  Buffer.from('%%EOF\n'),
]);

describe('the fund manager in a browser', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let fundId: string;
  let fundName: string;
  let finance: string;
  let donorId: string;
  let grantId: string;
  let manager: { id: string; email: string; token: string };
  let cashier: { id: string; email: string; token: string };

  beforeAll(async () => {
    assertPortalBuilt();
    api = await startApi();
    worker = await startWorker();
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    const [admin, fmAny, financeAny] = await staffTokens(api);
    finance = financeAny;
    const fund = await createFund(api, admin, { newCallTarget: 50_000_000, pscRateBps: 1300 });
    fundId = fund.id;
    fundName = (await api.http().get(`/api/funds/${fundId}`).set(bearer(admin))).body.name;
    donorId = (await createDonor(api, finance)).id;
    // USD 61,300 in, then a USD 10,000 grant commits USD 11,300 with its PSC: USD 50,000 available.
    expect((await contribute(api, finance, { donorId, fundId, amount: 6_130_000 })).status).toBe(201);
    const { applicationIds } = await closedCallWithEligible(api, fmAny, fundId, 1, 1_000_000);
    const approved = await decide(api, fmAny, applicationIds[0], {
      decision: 'approve',
      tranches: [
        { percent: 60, condition: 'on_signature' },
        { percent: 40, condition: 'after_report' },
      ],
    });
    expect(approved.status).toBe(201);
    grantId = approved.body.grantId;
    [manager, cashier] = await Promise.all([
      userWithRoles(api, ['fund_manager'], { fundIds: [fundId] }),
      userWithRoles(api, ['finance'], { fundIds: [fundId] }),
    ]);
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const context = (locale: string): Promise<BrowserContext> =>
    browser.newContext({ locale, viewport: { width: 1280, height: 900 }, timezoneId: 'Africa/Nairobi' });

  async function settled(page: Page): Promise<void> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0, null, {
      timeout: 15_000,
    });
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await settled(page);
  }

  /** axe finds nothing (and, with `narrow`, nothing scrolls sideways at 320 px); a screenshot with SHOTS_DIR. */
  const check = (page: Page, name: string, narrow = false) =>
    checkPage(page, name, { narrow, ready: settled, narrowPauseMs: 300 });

  async function signIn(page: Page, email: string): Promise<void> {
    await open(page, '/sign-in');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  const progress = (page: Page) => page.getByRole('progressbar', { name: 'Available vs target' });

  it('shows the fund at a glance and follows a contribution without a reload', async () => {
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    // every read the portal made that was answered 400 or more (a refused upload is a PUT)
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'GET' && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      await signIn(page, manager.email);
      // A fund manager limited to one fund lands on that fund's page.
      await page.waitForURL(`${base}/funds/${fundId}`);
      await settled(page);
      await expect(progress(page).getAttribute('aria-valuenow')).resolves.toBe('50000');
      await expect(progress(page).getAttribute('aria-valuemax')).resolves.toBe('500000');
      const text = page.getByTestId('fund-progress-text');
      expect((await text.innerText()).replace(/\u00a0/g, ' ')).toBe('USD 50,000 of USD 500,000, 10%');
      await expect(progress(page).getAttribute('aria-valuetext')).resolves.toBe(await text.innerText());
      const work = page.getByTestId('work');
      await expect(work.innerText()).resolves.toMatch(/0\s*Tranches due/);
      await page.getByTestId('history-table').waitFor();
      const points = Number(await page.getByTestId('balance-chart').getAttribute('data-points'));
      await check(page, 'fund-en', true);

      const t0 = Date.now();
      expect((await contribute(api, finance, { donorId, fundId, amount: 5_000_000 })).status).toBe(201);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=fund-progress-text]')?.textContent?.includes('20%'),
        null,
        { timeout: 5_000 },
      );
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect((await text.innerText()).replace(/\u00a0/g, ' ')).toBe('USD 100,000 of USD 500,000, 20%');
      await expect(progress(page).getAttribute('aria-valuenow')).resolves.toBe('100000');
      // The balance job writes a snapshot of the change: the chart and its table gain a point.
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid=balance-chart]')?.getAttribute('data-points')) > n,
        points,
        { timeout: 10_000 },
      );

      // The fund's logo: none yet; a PDF named .png is refused and changes nothing; a PNG is shown.
      const logo = page.getByTestId('fund-logo');
      await logo.getByText('No logo yet').waitFor();
      const input = page.getByLabel('Upload a logo');
      await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: NOT_AN_IMAGE });
      await logo.getByRole('alert').getByText('not a PNG or JPEG image').waitFor();
      await check(page, 'fund-logo-refused-en');
      await expect(page.getByTestId('fund-logo-preview').count()).resolves.toBe(0);
      await input.setInputFiles({ name: 'emblem.png', mimeType: 'image/png', buffer: pngImage(96, 96) });
      const preview = page.getByRole('img', { name: `Logo of ${fundName}` });
      await preview.waitFor();
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-testid=fund-logo-preview]') as HTMLImageElement)?.naturalWidth > 0,
        null,
        { timeout: 10_000 },
      );
      await expect(preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(96);
      await expect(logo.getByRole('alert').count()).resolves.toBe(0);
      await page.getByLabel('Replace the logo').waitFor();
      await check(page, 'fund-logo-en', true);
      const stored = await api.http().get(`/api/funds/${fundId}/logo`).set(bearer(finance));
      expect(stored.status).toBe(200);
      // The portal asked for no logo while the fund had none (no 404 in the console), and shows the one
      // it has after a reload, asked for once.
      expect(failed).toEqual([]);
      const asked: string[] = [];
      page.on('request', (r) => r.url().endsWith(`/api/funds/${fundId}/logo`) && asked.push(r.method()));
      await page.reload();
      await page.getByRole('img', { name: `Logo of ${fundName}` }).waitFor();
      expect(asked).toEqual(['GET']);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('writes a draft call with a rubric that must total 100, publishes and opens it', async () => {
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    try {
      await signIn(page, manager.email);
      await open(page, `/manage/calls?fund=${fundId}`);
      await page.getByRole('link', { name: 'New call' }).click();
      await page.waitForURL(/\/manage\/calls\/new/);
      await settled(page);
      const title = unique('Safe homes 2031');
      await page.locator('#call-title').fill(title);
      await page.locator('#call-description').fill('Shelter and legal aid for survivors');
      await page.getByLabel('Shelter').check();
      await page.getByLabel('Legal aid').check();
      await page.locator('#call-countries').fill('NG, KE');
      await page.locator('#call-minAward').fill('10000');
      await page.locator('#call-maxAward').fill('30000');
      await page.locator('#call-envelope').fill('100000');
      await page.locator('#call-deadline').fill('2031-06-30T18:00');
      await page.locator('#call-zone').selectOption('Africa/Nairobi');
      const criteria = [
        ['relevance', 'Relevance', '40'],
        ['capacity', 'Capacity', '35'],
        ['cost', 'Value for money', '15'],
      ];
      for (const [i, [key, label, weight]] of criteria.entries()) {
        await page.getByRole('button', { name: 'Add a criterion' }).click();
        await page.locator(`#rubric-${i}-key`).fill(key);
        await page.locator(`#rubric-${i}-label`).fill(label);
        await page.locator(`#rubric-${i}-weight`).fill(weight);
      }
      await expect(page.getByTestId('weight-total').innerText()).resolves.toBe('Weights total 90 of 100');
      await expect(page.getByTestId('weights-error').innerText()).resolves.toContain(
        'The weights total 90; they must total 100.',
      );
      await check(page, 'call-form-en');
      await page.locator('#rubric-2-weight').fill('25');
      await expect(page.getByTestId('weights-error').count()).resolves.toBe(0);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === 'saved',
        null,
        { timeout: 15_000 },
      );
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('button', { name: 'Open for applications' }).click();
      await page.getByText('Status: Open').waitFor();
      await check(page, 'call-open-en');

      const listed = await api
        .http()
        .get(`/api/calls?fundId=${fundId}&status=open`)
        .set(bearer(manager.token));
      const call = listed.body.items.find((c: { title: string }) => c.title === title);
      expect(call).toMatchObject({
        status: 'open',
        deadline: '2031-06-30T15:00:00.000Z',
        minAward: 1_000_000,
        maxAward: 3_000_000,
        envelope: 10_000_000,
        eligibleCountries: ['NG', 'KE'],
        rubric: criteria.map(([key, label], i) => ({
          key,
          label,
          weight: [40, 35, 25][i],
          maxScore: 10,
        })),
      });
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('signs the agreement; finance releases the first tranche once', async () => {
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    try {
      await signIn(page, manager.email);
      await open(page, `/manage/grants/${grantId}`);
      await page.getByRole('button', { name: 'Record the signed agreement' }).click();
      await page.getByText('Agreement signed').waitFor();
      await check(page, 'grant-signed-en');
      await ctx.clearCookies();
      await page.evaluate(() => sessionStorage.clear());
      await signIn(page, cashier.email);
      await open(page, `/manage/grants/${grantId}`);
      const release = page.getByRole('button', { name: 'Release tranche 1' });
      await release.dblclick();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=tranche-1-state]')?.textContent?.startsWith('Paid'),
        null,
        { timeout: 10_000 },
      );
      await check(page, 'grant-paid-en');
      const grant = await api.http().get(`/api/grants/${grantId}`).set(bearer(finance));
      expect(grant.body.payments).toHaveLength(1);
      expect(grant.body.paid).toBe(600_000);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('shows the unread count and marks notices read', async () => {
    const notices = api.app.get(NotificationsService);
    const subjects = [unique('Call opened'), unique('Report submitted')];
    for (const subject of subjects)
      await notices.notifyUsers([manager.id], {
        eventId: unique('evt'),
        kind: 'call.status_changed',
        subject,
        body: subject,
      });
    // The worker may have told the manager of earlier steps too: the count is what the API holds unread.
    const unreadNow = async () =>
      (
        (await api.http().get('/api/me/notifications').set(bearer(manager.token))).body as {
          readAt: string | null;
        }[]
      ).filter((n) => !n.readAt).length;
    const unread = await unreadNow();
    expect(unread).toBeGreaterThanOrEqual(2);
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    try {
      await signIn(page, manager.email);
      await settled(page);
      const link = page.getByTestId('notices-link');
      await page.waitForFunction(
        (n) =>
          document.querySelector('[data-testid=notices-link]')?.getAttribute('data-unread') === String(n),
        unread,
        { timeout: 20_000 },
      );
      await expect(link.getAttribute('aria-label')).resolves.toBe(`Notices, ${unread} unread`);
      await link.click();
      await page.waitForURL(`${base}/notices`);
      await settled(page);
      await check(page, 'notices-en');
      await page.getByRole('button', { name: `Mark “${subjects[0]}” as read` }).click();
      await page.getByText(`Unread: ${unread - 1}`).waitFor();
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByText('Unread: 0').waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=notices-link]')?.getAttribute('data-unread') === '0',
        null,
        { timeout: 5_000 },
      );
      expect(await unreadNow()).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('continues the balance chart with the forecast, its band and target, and the same figures as a table', async () => {
    // A fund of 18 months' history: opened 19 months ago (the API's clock set back for that alone), then
    // USD 20,000 received in each month since, and a pledge; its forecast has a date and a band.
    const [admin] = await staffTokens(api);
    const clock = api.app.get(Clock);
    const now = new Date();
    clock.setNow(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 19, 2)));
    const older = await createFund(api, admin, { newCallTarget: 50_000_000, pscRateBps: 1300 }).finally(() =>
      clock.reset(),
    );
    for (let m = 18; m >= 1; m--) {
      const receivedAt = new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 10, 10),
      ).toISOString();
      const amount = 1_500_000 + ((m * 7919) % 5) * 250_000; // USD 15,000 to 25,000: a band with a width
      expect((await contribute(api, finance, { donorId, fundId: older.id, amount, receivedAt })).status).toBe(
        201,
      );
    }
    const pledged = await api
      .http()
      .post('/api/pledges')
      .set(bearer(finance))
      .send({ donorId, fundId: older.id, amount: 3_000_000, currency: 'USD', expectedAt: '2099-01-01' });
    expect(pledged.status).toBe(201);
    const watcher = await userWithRoles(api, ['fund_manager'], { fundIds: [older.id] });
    for (const [locale, lang] of [
      ['en-US', 'en'],
      ['ar-EG', 'ar'],
    ] as const) {
      if (lang === 'ar')
        expect(
          (await api.http().patch('/api/me').set(bearer(watcher.token)).send({ locale: 'ar' })).status,
        ).toBe(200);
      const ctx = await context(locale);
      const page = await ctx.newPage();
      try {
        await signIn(page, watcher.email);
        await page.waitForURL(`${base}/funds/${older.id}`);
        await settled(page);
        const table = page.getByTestId('forecast-table');
        await table.waitFor({ timeout: 15_000 });
        // 24 months, each with its low, median and high
        await expect(table.locator('tbody tr').count()).resolves.toBe(24);
        await expect(page.getByTestId('forecast-chart').getAttribute('data-points')).resolves.toBe('24');
        await page.getByTestId('forecast-chart').locator('svg').first().waitFor();
        const answer = await page.getByTestId('forecast-answer').innerText();
        if (lang === 'en') expect(answer).toMatch(/^Expected in \w+ \d{4}: at the earliest \w+ \d{4}/);
        else {
          expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
          expect(answer).toContain('متوقع في');
        }
        await page.getByTestId('forecast-chart').scrollIntoViewIfNeeded();
        await check(page, `fund-forecast-${lang}`, true);
      } finally {
        await ctx.close();
      }
    }
  }, 180_000);

  it('reads right to left in Arabic with nothing for axe on any page', async () => {
    // The manager's profile says Arabic: the portal takes it on signing in.
    const profile = await api.http().patch('/api/me').set(bearer(manager.token)).send({ locale: 'ar' });
    expect(profile.status).toBe(200);
    const ctx = await context('ar-EG');
    const page = await ctx.newPage();
    try {
      await signIn(page, manager.email);
      await page.waitForURL(`${base}/funds/${fundId}`);
      await settled(page);
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(['ar', 'rtl']);
      await page.getByRole('progressbar', { name: 'المتاح مقابل الهدف' }).waitFor();
      await page.getByRole('img', { name: `شعار ${fundName}` }).waitFor();
      await page.getByLabel('استبدال الشعار').waitFor();
      await check(page, 'fund-ar', true);
      await open(page, `/manage/calls?fund=${fundId}`);
      await check(page, 'calls-ar');
      await open(page, `/manage/calls/new?fund=${fundId}`);
      await page.getByRole('button', { name: 'إضافة معيار' }).click();
      await page.locator('#rubric-0-weight').fill('90');
      await page.getByTestId('weights-error').waitFor();
      await check(page, 'call-form-ar');
      await open(page, `/manage/grants?fund=${fundId}`);
      await check(page, 'grants-ar');
      await open(page, `/manage/grants/${grantId}`);
      await check(page, 'grant-ar');
      await open(page, '/notices');
      await check(page, 'notices-ar');
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
