/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { bearer } from '../factories/grant-cycle';
import { approve, fullWorkflowFund, member, postAward } from '../factories/post-award';
import { Api, staffTokens, startApi, userWithRoles } from '../setup/harness';
import { assertPortalBuilt, axeViolations, checkPage, launchBrowser } from './browser';

/**
 * Issue 18's pages in Chromium against the real API, PostgreSQL and Redis, on a fund in the full post-award
 * workflow (the award approved through the API): the NGO accepts the offer in French with itself as the
 * signatory and signs the agreement (no report form until the countersignature: the page says why); the
 * fund manager countersigns; the NGO requests a no-cost extension
 * (typed text kept in the browser) and the fund manager approves it; a spot check is planned and completed
 * with a finding whose ineligible costs become a refund; the close-out is refused naming the refund.
 * axe finds nothing and nothing scrolls sideways at 320 px on both grant pages in English and Arabic.
 * SHOTS_DIR=<folder> keeps a screenshot of each step.
 */
const SHOTS = process.env.SHOTS_DIR;
const PASSWORD = 'a-good-password-1';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('after the award in a browser: acceptance, signatures, an amendment, a spot check, the close-out gate', () => {
  let api: Api;
  let browser: Browser;
  let base: string;
  let fm: { id: string; token: string; email: string };
  let ngo: { id: string; token: string; email: string };
  let grantId: string;
  let financeToken: string;
  // Two more awards on the same fund: one the second NGO declines, one the fund manager withdraws.
  let ngo2: { id: string; token: string; email: string };
  let declinedId: string;
  let withdrawnId: string;

  beforeAll(async () => {
    assertPortalBuilt();
    api = await startApi();
    const address = api.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const [admin, , finance] = await staffTokens(api);
    financeToken = finance;
    fm = await userWithRoles(api, ['fund_manager']);
    const { applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm: fm.token, finance },
      { available: 100_000_000, count: 3, requested: 1_000_000, lines: [600_000, 400_000] },
    );
    ngo = await member(api, organizationIds[0]);
    ngo2 = await member(api, organizationIds[1]);
    declinedId = await approve(api, fm.token, applicationIds[1]);
    withdrawnId = await approve(api, fm.token, applicationIds[2]);
    grantId = await approve(api, fm.token, applicationIds[0], {
      amount: 1_000_000,
      tranches: [
        { percent: 50, condition: 'on_signature' },
        { percent: 50, condition: 'after_report' },
      ],
    });
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ locale: 'en', viewport: { width: 1280, height: 900 } });
    return ctx.newPage();
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  /** axe finds nothing and nothing scrolls sideways at 320 px; with SHOTS_DIR, a screenshot at both widths. */
  const check = (page: Page, name: string) => checkPage(page, name, { narrowShot: true });

  async function signIn(page: Page, email: string, locale: 'ar' | 'en'): Promise<void> {
    await open(page, '/sign-in');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${base}/dashboard`);
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('language-switch').selectOption(locale);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }

  const badge = (page: Page, id: string) => page.getByTestId(id);

  it('runs from the offer to a close-out refused for the refund, in English and Arabic', async () => {
    // The NGO: the offer with its answer date; accepts in French, signing itself; then signs the agreement
    const grantee = await newPage();
    await signIn(grantee, ngo.email, 'en');
    await open(grantee, `/grants/${grantId}`);
    await badge(grantee, 'offer-state')
      .getByText('Offered, waiting for the answer', { exact: true })
      .waitFor();
    await grantee.getByText('Answer by').waitFor();
    await expect(grantee.getByTestId('report-schedule').locator('tbody tr').count()).resolves.toBe(3);
    // no report form before the award is accepted and the agreement signed: the page says why (the API
    // would refuse the report, post-award-reporting.e2e-spec.ts)
    await grantee.locator('[data-testid=reporting-waits][data-blocked-by=offer_not_accepted]').waitFor();
    await grantee.getByText('You can file reports once your organization has accepted the award').waitFor();
    await expect(grantee.locator('[data-testid=submit-report]').count()).resolves.toBe(0);
    await check(grantee, 'pa-ngo-offer-en');
    await grantee.locator('#pa-language').selectOption('fr');
    await expect(grantee.locator('#pa-signatory').inputValue()).resolves.toBe(ngo.id);
    await grantee.getByRole('button', { name: 'Accept the award' }).click();
    await badge(grantee, 'offer-state').getByText('Accepted', { exact: true }).waitFor();
    await grantee.getByText('Version 1 · French').waitFor();
    await grantee.getByRole('button', { name: 'Sign version 1' }).click();
    await badge(grantee, 'grantee-signature')
      .getByText('Signed by the organization', { exact: true })
      .waitFor();
    await grantee.locator('[data-testid=reporting-waits][data-blocked-by=agreement_not_signed]').waitFor();
    await expect(grantee.locator('[data-testid=submit-report]').count()).resolves.toBe(0);
    let pa = await postAward(api, fm.token, grantId);
    expect(pa.offer).toMatchObject({ state: 'accepted', language: 'fr', signatoryId: ngo.id });
    expect(pa.agreement.signatures).toHaveLength(1);
    expect(pa.agreement.signatures[0]).toMatchObject({ party: 'ngo', sha256: pa.agreement.current.sha256 });

    // A no-cost extension: the typed reason survives a reload (kept in the browser), then is sent
    const newEnd = inDays(500);
    await grantee.locator('#am-endDate').fill(newEnd);
    await grantee.locator('#am-reason').fill('The rainy season closed the roads for two months.');
    await grantee.locator('[data-testid=save-status][data-state=device]').waitFor();
    await grantee.reload({ waitUntil: 'networkidle' });
    await grantee.waitForFunction(
      (text) => (document.querySelector('#am-reason') as HTMLTextAreaElement | null)?.value === text,
      'The rainy season closed the roads for two months.',
      { timeout: 15_000 },
    );
    await expect(grantee.locator('#am-endDate').inputValue()).resolves.toBe(newEnd);
    await grantee.getByRole('button', { name: 'Send the request' }).click();
    await grantee.getByText('Your request was sent.').waitFor();
    await badge(grantee, 'amendment-1-state').getByText('Waiting for a decision', { exact: true }).waitFor();
    await expect(grantee.locator('#am-reason').inputValue()).resolves.toBe('');
    await check(grantee, 'pa-ngo-signed-en');

    // The fund manager countersigns, approves the extension, plans and completes a spot check
    const manager = await newPage();
    await signIn(manager, fm.email, 'en');
    await open(manager, `/manage/grants/${grantId}`);
    await badge(manager, 'grantee-signature')
      .getByText('Signed by the organization', { exact: true })
      .waitFor();
    await check(manager, 'pa-manager-en');
    await manager.getByRole('button', { name: 'Countersign version 1' }).click();
    await badge(manager, 'countersignature')
      .getByText('Countersigned by the fund', { exact: true })
      .waitFor();
    expect((await api.http().get(`/api/grants/${grantId}`).set(bearer(fm.token))).body).toMatchObject({
      signed: true,
    });
    await manager.getByRole('button', { name: 'Approve amendment 1' }).click();
    await badge(manager, 'amendment-1-state').getByText('Approved', { exact: true }).waitFor();
    pa = await postAward(api, fm.token, grantId);
    expect(pa.endDate).toBe(newEnd);

    // finance pays the first tranche (now due), so the check can find money spent on ineligible costs
    const paid = await api
      .http()
      .post(`/api/grants/${grantId}/tranches/1/disburse`)
      .set(bearer(financeToken))
      .set('idempotency-key', `pa-browser-${grantId}`)
      .send({});
    expect(paid.status).toBe(201);

    await manager.locator('#plan-kind').selectOption('spot_check');
    await manager.locator('#plan-date').fill(inDays(30));
    await manager.locator('#plan-assignee').fill('Amina Diallo');
    await manager.getByRole('button', { name: 'Plan the check' }).click();
    await manager.getByRole('button', { name: 'Record findings' }).click();
    await manager.locator('#finding-0-severity').selectOption('high');
    await manager.locator('#finding-0-text').fill('Fuel receipts for March are missing.');
    await manager.locator('#finding-0-ineligible').fill('500');
    await manager.getByRole('button', { name: 'Complete the check' }).click();
    await manager.getByTestId('refund').getByText('Owed', { exact: true }).waitFor();
    pa = await postAward(api, fm.token, grantId);
    expect(pa.refunds).toEqual([expect.objectContaining({ amount: 50_000, state: 'owed' })]);
    expect(pa.findings).toEqual([expect.objectContaining({ severity: 'high', ineligibleAmount: 50_000 })]);

    // The close-out is refused, naming the refund (and the rest still open); nothing changed
    await manager.getByRole('button', { name: 'Close the grant' }).click();
    const blocked = manager.getByTestId('close-blocked');
    await blocked.waitFor();
    await blocked.locator('[data-kind=refund]').getByText('Refund').waitFor();
    await expect(blocked.locator('[data-kind=refund]').textContent()).resolves.toMatch(/500\.00/);
    await expect(blocked.locator('[data-kind=final_report]').count()).resolves.toBe(1);
    expect((await postAward(api, fm.token, grantId)).status).toBe('active');
    await check(manager, 'pa-manager-blocked-en');

    // The same pages in Arabic
    const managerAr = await newPage();
    await signIn(managerAr, fm.email, 'ar');
    await open(managerAr, `/manage/grants/${grantId}`);
    await managerAr.getByRole('heading', { name: 'الإقفال' }).waitFor();
    await check(managerAr, 'pa-manager-ar');
    const granteeAr = await newPage();
    await signIn(granteeAr, ngo.email, 'ar');
    await open(granteeAr, `/grants/${grantId}`);
    await granteeAr.getByRole('heading', { name: 'جدول التقارير' }).waitFor();
    // countersigned: the report form is offered now, and nothing says to wait
    await granteeAr.locator('[data-testid=submit-report]').waitFor();
    await expect(granteeAr.locator('[data-testid=reporting-waits]').count()).resolves.toBe(0);
    await check(granteeAr, 'pa-ngo-ar');
  }, 300_000);

  it('the grantee declines one award and the fund manager withdraws another, each with a reason, after a warning', async () => {
    const grantee = await newPage();
    await signIn(grantee, ngo2.email, 'en');
    await open(grantee, `/grants/${declinedId}`);
    await grantee.getByRole('button', { name: 'Decline the award…' }).click();
    await grantee.getByRole('dialog', { name: 'Decline this award?' }).waitFor();
    const confirmDecline = grantee.getByRole('button', { name: 'Yes, decline the award' });
    await expect(confirmDecline.isDisabled()).resolves.toBe(true); // a reason first
    await grantee.locator('#pa-decline-reason').fill('Our board could not accept the reporting terms.');
    await confirmDecline.click();
    await badge(grantee, 'offer-state').getByText('Declined', { exact: true }).waitFor();
    expect(await postAward(api, fm.token, declinedId)).toMatchObject({
      status: 'cancelled',
      offer: { state: 'declined' },
    });

    const manager = await newPage();
    await signIn(manager, fm.email, 'en');
    await open(manager, `/manage/grants/${withdrawnId}`);
    await manager.getByRole('button', { name: 'Withdraw the offer…' }).click();
    await manager.getByRole('dialog', { name: 'Withdraw this offer?' }).waitFor();
    await manager.locator('#pa-withdraw-reason').fill('The partner closed its office in the region.');
    expect({ page: 'withdraw-dialog', violations: await axeViolations(manager) }).toEqual({
      page: 'withdraw-dialog',
      violations: [],
    });
    await manager.getByRole('button', { name: 'Yes, withdraw the offer' }).click();
    await badge(manager, 'offer-state').getByText('Withdrawn', { exact: true }).waitFor();
    expect(await postAward(api, fm.token, withdrawnId)).toMatchObject({
      status: 'cancelled',
      offer: { state: 'withdrawn' },
    });
  }, 180_000);
});
