/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import { INestApplicationContext } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, callIn, verifiedNgo } from '../factories/grant-cycle';
import { decide } from '../factories/grants';
import { fundWithAvailable } from '../factories/money';
import {
  adminToken,
  Api,
  confirmationToken,
  login,
  staffTokens,
  startApi,
  startWorker,
  unique,
  userWithRoles,
} from '../setup/harness';
import { assertPortalBuilt, checkPage, launchBrowser } from './browser';

/**
 * The NGO's journey in Chromium against the real API, worker, PostgreSQL and Redis (issue 14): it registers
 * in Arabic, confirms its address, is verified by the admin (API), applies with budget lines, reloads
 * mid-form and finds every field, goes offline (DevTools protocol), types, comes back and sees it saved,
 * submits after a review, and files a report on the grant the fund sets up (API); the language switch is
 * saved to the profile; a keyboard-only submission; axe finds nothing on any page, in English and Arabic.
 * SHOTS_DIR=<folder> keeps a screenshot of each step.
 */
const SHOTS = process.env.SHOTS_DIR;
const PASSWORD = 'ngo-portal-pass-2031';

describe('the NGO journey in a browser', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let fm: string;
  let callId: string;
  let keyboardCallId: string;
  const ngo = { email: `${unique('ar-ngo')}@ngo.example.org`, orgId: '', applicationId: '', grantId: '' };

  beforeAll(async () => {
    assertPortalBuilt();
    api = await startApi();
    worker = await startWorker();
    const address = api.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const [admin, fmToken, finance] = await staffTokens(api);
    fm = fmToken;
    const fund = await fundWithAvailable(api, { admin, finance }, 50_000_000);
    const call = (title: string) =>
      callIn(api, fm, fund.id, 'open', {
        title,
        deadline: '2031-06-30T16:00:00Z',
        eligibleCountries: ['EG', 'NG', 'KE'],
        minAward: 1_000_000,
        maxAward: 3_000_000,
      });
    callId = await call(unique('Safe homes call'));
    keyboardCallId = await call(unique('Keyboard call'));
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const context = (locale: string): Promise<BrowserContext> =>
    browser.newContext({ locale, viewport: { width: 1280, height: 900 }, timezoneId: 'Africa/Cairo' });

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await open(page, '/sign-in');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${base}/dashboard`);
    await page.getByTestId('welcome').waitFor();
  }

  const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);
  async function waitSaved(page: Page, state = 'saved'): Promise<void> {
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === s,
      state,
      { timeout: 20_000 },
    );
  }

  it('registers in Arabic, is confirmed and verified, applies, survives a reload and going offline, and submits', async () => {
    const ctx = await context('ar-EG');
    const page = await ctx.newPage();
    try {
      await open(page, '/register');
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(['ar', 'rtl']);
      await checkPage(page, 'register-ar');
      await field(page, 'reg-name').fill('جمعية الملاذ الآمن');
      await field(page, 'reg-country').selectOption('EG');
      await field(page, 'reg-registrationNumber').fill('EG-2031-77');
      await field(page, 'reg-personName').fill('أمينة بلّو');
      await field(page, 'reg-email').fill(ngo.email);
      await field(page, 'reg-password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.locator('#check-mail').waitFor();
      expect(await page.locator('#check-mail').innerText()).toContain('تحقّق من بريدك الإلكتروني');
      await checkPage(page, 'registered-ar');

      const [user]: { id: string; organization_id: string }[] = await api.db.query(
        'SELECT id, organization_id FROM users WHERE lower(email) = lower($1)',
        [ngo.email],
      );
      ngo.orgId = user.organization_id;
      const token = await confirmationToken(api, user.id);
      await open(page, `/confirm-email#token=${token}`);
      await page.getByText('تم تأكيد عنوانك').waitFor();
      await checkPage(page, 'confirmed-ar');
      const admin = await adminToken(api);
      const verified = await api.http().post(`/api/organizations/${ngo.orgId}/verify`).set(bearer(admin));
      expect(verified.status).toBe(200);

      await signIn(page, ngo.email);
      await checkPage(page, 'dashboard-ar');
      await open(page, '/organization');
      expect(await page.getByTestId('org-verified').textContent()).toBe('تحقّق منها الصندوق');
      await checkPage(page, 'organization-ar');

      // The application: every field, two budget lines, the running total.
      await open(page, `/calls/${callId}/apply`);
      await field(page, 'f-title').waitFor();
      await checkPage(page, 'apply-ar');
      await field(page, 'f-title').fill('بيوت آمنة للناجيات');
      await field(page, 'f-summary').fill('مأوى ومساعدة قانونية لـ 120 ناجية في القاهرة والإسكندرية.');
      await page.locator('input[type=checkbox][value=EG]').check();
      await page.locator('input[type=checkbox][value=shelter]').check();
      await page.locator('input[type=checkbox][value=legal_aid]').check();
      await field(page, 'f-expectedVictims').fill('120');
      await field(page, 'f-budget.0.category').selectOption('shelter');
      await field(page, 'f-budget.0.description').fill('إيجار مأوى لمدة 12 شهرًا');
      await field(page, 'f-budget.0.amount').fill('12000');
      await page.getByRole('button', { name: 'إضافة بند إلى الميزانية' }).click();
      await field(page, 'f-budget.1.category').selectOption('legal_aid');
      await field(page, 'f-budget.1.description').fill('أتعاب المحامين');
      await field(page, 'f-budget.1.amount').fill('3500.50');
      await waitSaved(page);
      expect(await page.locator('#budget-total').innerText()).toContain('15,500.50');

      const [app]: { id: string }[] = await api.db.query(
        `SELECT id FROM applications WHERE organization_id = $1 AND call_id = $2`,
        [ngo.orgId, callId],
      );
      ngo.applicationId = app.id;

      // A reload mid-form brings every field back.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await field(page, 'f-title').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await field(page, 'f-title').inputValue()).toBe('بيوت آمنة للناجيات');
      expect(await field(page, 'f-summary').inputValue()).toContain('مأوى ومساعدة قانونية');
      expect(await page.locator('input[type=checkbox][value=EG]').isChecked()).toBe(true);
      expect(await page.locator('input[type=checkbox][value=legal_aid]').isChecked()).toBe(true);
      expect(await field(page, 'f-expectedVictims').inputValue()).toBe('120');
      expect(await field(page, 'f-budget.1.description').inputValue()).toBe('أتعاب المحامين');
      expect(await field(page, 'f-budget.1.amount').inputValue()).toBe('3500.50');

      // A PDF attached in the form itself, through the resumable upload, once the draft is saved.
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(3000, 0x20),
        Buffer.from('\n%%EOF\n'),
      ]);
      await page
        .locator('input[type=file]')
        .setInputFiles([{ name: 'budget-plan.pdf', mimeType: 'application/pdf', buffer: pdf }]);
      await page
        .getByRole('button', { name: /budget-plan\.pdf/ })
        .first()
        .waitFor({ timeout: 20_000 });
      const withFile = await api.db.query(
        `SELECT filename FROM application_attachments WHERE application_id = $1`,
        [ngo.applicationId],
      );
      expect(withFile.map((r: { filename: string }) => r.filename)).toEqual(['budget-plan.pdf']);
      await checkPage(page, 'apply-attached-ar');

      // Offline (DevTools protocol): the text is kept, said so, and sent when the connection returns.
      const cdp = await ctx.newCDPSession(page);
      const network = (offline: boolean) =>
        cdp.send('Network.emulateNetworkConditions', {
          offline,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
      await cdp.send('Network.enable');
      await network(true);
      await field(page, 'f-summary').pressSequentially(' كُتب دون اتصال.');
      await waitSaved(page, 'offline');
      expect(await page.getByTestId('save-status').getAttribute('role')).toBe('status');
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'apply-offline-ar.png'), fullPage: true });
      await network(false);
      await waitSaved(page);
      const ngoToken = await login(api, ngo.email, PASSWORD);
      const saved = await api.http().get(`/api/applications/${ngo.applicationId}`).set(bearer(ngoToken));
      expect(saved.body.summary).toContain('كُتب دون اتصال.');
      expect(saved.body.requested).toBe(1_550_050);

      // Review, confirm, submit: the application is then read-only with its history.
      await page.locator('[data-testid=review-application]').click();
      await page.locator('#review-title').waitFor();
      await checkPage(page, 'review-ar');
      await page.getByRole('checkbox', { name: 'أؤكد أن هذه المعلومات صحيحة وكاملة.' }).check();
      await page.locator('[data-testid=submit-application]').click();
      await page.waitForURL(`${base}/applications/${ngo.applicationId}`);
      await page.getByTestId('application-status').waitFor();
      expect(await page.getByTestId('application-status').textContent()).toBe('مقدَّم');
      expect(await page.getByTestId('application-history').innerText()).toContain('تم التقديم');
      await checkPage(page, 'application-ar');
      expect(await page.getByTestId('save-status').count()).toBe(0); // read-only: nothing to save
    } finally {
      await ctx.close();
    }
  }, 240_000);

  it('files a report on the grant the fund set up, counts only, in Arabic', async () => {
    expect(ngo.applicationId).not.toBe('');
    expect((await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm))).status).toBe(200);
    const screened = await api
      .http()
      .post(`/api/applications/${ngo.applicationId}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'meets the call' });
    expect(screened.status).toBe(200);
    const approved = await decide(api, fm, ngo.applicationId, { decision: 'approve' });
    expect(approved.status).toBe(201);
    ngo.grantId = approved.body.grantId;
    expect((await api.http().post(`/api/grants/${ngo.grantId}/sign`).set(bearer(fm))).status).toBe(200);

    const ctx = await context('ar-EG');
    const page = await ctx.newPage();
    try {
      await signIn(page, ngo.email);
      await page.getByRole('link', { name: 'بيوت آمنة للناجيات' }).first().waitFor();
      await checkPage(page, 'dashboard-grant-ar');
      await open(page, `/grants/${ngo.grantId}`);
      await page.getByTestId('privacy-warning').waitFor();
      expect(await page.getByTestId('privacy-warning').innerText()).toContain('لا تكتب أبدًا اسم أحد الناجين');
      await checkPage(page, 'grant-ar');
      await field(page, 'r-periodEnd').fill('2031-09-30');
      await field(page, 'r-narrative').fill('افتُتح المأوى وقُدّمت المساعدة القانونية.');
      await field(page, 'r-spending.0').fill('6000');
      await field(page, 'r-spending.1').fill('1000.25');
      await field(page, 'r-victims.0.count').fill('12');
      await page.locator('[data-testid=submit-report]').click();
      await page.locator('#report-done').waitFor();
      await checkPage(page, 'report-sent-ar');
      const token = await login(api, ngo.email, PASSWORD);
      const grant = await api.http().get(`/api/grants/${ngo.grantId}`).set(bearer(token));
      expect(grant.body.reports).toHaveLength(1);
      expect(grant.body.reports[0]).toMatchObject({
        periodEnd: '2031-09-30',
        spent: 700_025,
        status: 'submitted',
        victimsAssisted: [{ service: 'shelter', country: 'EG', count: 12 }],
      });
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('saves the language switch to the profile: another browser opens in that language', async () => {
    const ctx = await context('ar-EG');
    const page = await ctx.newPage();
    try {
      await signIn(page, ngo.email);
      await page.getByTestId('language-switch').selectOption('fr');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      const token = await login(api, ngo.email, PASSWORD);
      let saved = '';
      for (let i = 0; i < 40 && saved !== 'fr'; i += 1) {
        saved = (await api.http().get('/api/me').set(bearer(token))).body.locale;
        if (saved !== 'fr') await new Promise((r) => setTimeout(r, 250));
      }
      expect(saved).toBe('fr');
    } finally {
      await ctx.close();
    }
    const other = await context('en-US');
    const page2 = await other.newPage();
    try {
      await signIn(page2, ngo.email);
      await page2.waitForFunction(() => document.documentElement.lang === 'fr');
      expect(await page2.getByRole('heading', { level: 1 }).first().innerText()).toBe('Mon tableau de bord');
      // back to Arabic for the other tests
      await page2.getByTestId('language-switch').selectOption('ar');
      await page2.waitForFunction(() => document.documentElement.lang === 'ar');
    } finally {
      await other.close();
    }
  }, 120_000);

  it('submits an application with the keyboard alone, in English, with axe finding nothing on the way', async () => {
    const other = await verifiedNgo(api, 'KE');
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    try {
      await signIn(page, other.email, 'ngo-password-123'); // registerNgo's password
      await open(page, `/calls/${keyboardCallId}/apply`);
      await field(page, 'f-title').waitFor();
      await checkPage(page, 'apply-en');
      /** Tab (forwards) until the element matching `selector` has the focus. */
      async function tabTo(selector: string): Promise<void> {
        for (let i = 0; i < 120; i += 1) {
          if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`Tab never reached ${selector}`);
      }
      await tabTo('[id="f-title"]');
      await page.keyboard.type('Keyboard project');
      await tabTo('[id="f-summary"]');
      await page.keyboard.type('Legal aid in Nairobi.');
      await tabTo('input[type=checkbox][value=KE]');
      await page.keyboard.press('Space');
      await tabTo('input[type=checkbox][value=legal_aid]');
      await page.keyboard.press('Space');
      await tabTo('[id="f-expectedVictims"]');
      await page.keyboard.type('40');
      await tabTo('[id="f-budget.0.category"]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await tabTo('[id="f-budget.0.description"]');
      await page.keyboard.type('Lawyers');
      await tabTo('[id="f-budget.0.amount"]');
      await page.keyboard.type('15000');
      await waitSaved(page);
      await tabTo('[data-testid=review-application]');
      await page.keyboard.press('Enter');
      await page.locator('#review-title').waitFor();
      await checkPage(page, 'review-en');
      await tabTo('input[type=checkbox]');
      await page.keyboard.press('Space');
      await tabTo('[data-testid=submit-application]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/applications\//);
      await page.getByTestId('application-status').waitFor();
      expect(await page.getByTestId('application-status').textContent()).toBe('Submitted');
      await checkPage(page, 'application-en');
      await open(page, '/dashboard');
      await page.getByTestId('my-applications').waitFor();
      await checkPage(page, 'dashboard-en');
      await open(page, '/organization');
      await checkPage(page, 'organization-en');
      await open(page, '/profile');
      await checkPage(page, 'profile-en');
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('shows the grant, registration and confirmation pages in English with nothing for axe', async () => {
    const ctx = await context('en-US');
    const page = await ctx.newPage();
    try {
      await open(page, '/register');
      await checkPage(page, 'register-en');
      await open(page, '/confirm-email');
      await checkPage(page, 'confirm-email-en');
      await signIn(page, ngo.email);
      await page.getByTestId('language-switch').selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await open(page, `/grants/${ngo.grantId}`);
      await page.getByTestId('grant-reports').waitFor();
      await checkPage(page, 'grant-en');
      await open(page, `/applications/${ngo.applicationId}`);
      await checkPage(page, 'application-history-en');
      await page.getByRole('button', { name: 'Withdraw the application' }).waitFor({ state: 'detached' });
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('enrols in two-factor sign-in with the QR page, in the language saved to the profile rather than the browser one, with axe finding nothing', async () => {
    const staff = await userWithRoles(api, ['fund_manager']);
    const ctx = await context('ar-EG');
    const page = await ctx.newPage();
    try {
      await signIn(page, staff.email, 'a-good-password-1');
      await open(page, '/mfa');
      await page.locator('[id="mfa-code"]').waitFor();
      // The saved locale (English) wins over the Arabic browser.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await checkPage(page, 'mfa-en');
      const secret = (await page.locator('pre').innerText()).trim();
      const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
      await page.locator('[id="mfa-code"]').fill(code);
      await page.locator('form button[type=submit]').click();
      await page.locator('#mfa-codes').waitFor();
      expect(await page.locator('main li').count()).toBe(10);
      await checkPage(page, 'mfa-done-en');
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
