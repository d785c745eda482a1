/// <reference lib="dom" /> // page.evaluate callbacks run in the browser
import { INestApplicationContext } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { OutboxRelay } from '@app/core';
import { bearer, createFund } from '../factories/grant-cycle';
import { importList, LIST_V1, LIST_V2, PDF, uploadDocument } from '../factories/partners';
import {
  adminToken,
  Api,
  registerNgo,
  startApi,
  startWorker,
  userWithRoles,
  waitFor,
} from '../setup/harness';
import { assertPortalBuilt, checkPage, launchBrowser } from './browser';

/**
 * Partner due diligence in Chromium against the real API, worker, PostgreSQL and Redis (issue 17): an NGO
 * fills its profile wizard (a reload in the middle loses nothing; a bad IBAN is named on its field; a
 * document uploaded through the page); the fund manager finds the sanctions hit its acronym raised against
 * the Security Council list (a fixture in the list's format, imported through the API), is refused
 * verification while it is open, clears it with a reason, rates the risk and verifies; an admin imports
 * the next list version through its page. axe finds nothing and nothing scrolls sideways at 320 px on every
 * new page, in English and Arabic. SHOTS_DIR=<folder> keeps a screenshot of each page.
 */
const SHOTS = process.env.SHOTS_DIR;
const STAFF_PASSWORD = 'a-good-password-1'; // the harness's users
const NGO_PASSWORD = 'ngo-password-123';
const LEGAL_NAME = 'Tamarind Community Services';
const ACRONYM = 'Nur Relief Front (Al)'; // the list's alias "AL-NÛR RELIEF FRONT", other order and marks

describe('partner due diligence in a browser', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;
  let ngo: { organizationId: string; email: string; token: string };
  let fm: { email: string; token: string };
  let admin: { email: string };
  let fundId: string;

  beforeAll(async () => {
    assertPortalBuilt();
    api = await startApi();
    worker = await startWorker();
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    const imported = await importList(api, await adminToken(api), LIST_V1);
    if (imported.status !== 201) throw new Error(`list: ${imported.status}`);
    ngo = await registerNgo(api);
    fm = await userWithRoles(api, ['fund_manager'], { name: 'Amina Diallo' });
    admin = await userWithRoles(api, ['admin']);
    fundId = await createFund(api);
    browser = await launchBrowser();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      timezoneId: 'UTC',
    });
    return ctx.newPage();
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await open(page, '/sign-in');
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${base}/dashboard`);
    await page.getByTestId('welcome').waitFor();
  }

  async function language(page: Page, locale: 'ar' | 'en'): Promise<void> {
    await page.getByTestId('language-switch').selectOption(locale);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }

  const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-state');

  async function waitSaved(page: Page): Promise<void> {
    await page.waitForFunction(
      () => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === 'saved',
      null,
      { timeout: 15_000 },
    );
  }

  const profile = async () =>
    (await api.http().get(`/api/partners/${ngo.organizationId}/profile`).set(bearer(ngo.token))).body as {
      legalName: string | null;
      acronyms: string[];
      head?: { name: string; role: string };
      bank: { iban: string | null } | null;
      complete: boolean;
      missing: { field: string }[];
      documents: { type: string }[];
    };

  it('the NGO fills its profile step by step; a reload in the middle loses nothing', async () => {
    const page = await newPage();
    await signIn(page, ngo.email, NGO_PASSWORD);
    await page.getByTestId('dashboard-profile-link').click();
    await page.getByRole('heading', { level: 1, name: 'Due-diligence profile' }).waitFor();
    await expect(page.getByTestId('profile-missing').innerText()).resolves.toContain('The legal name');
    await checkPage(page, 'partners-wizard-organization-en');

    // Step 1: the organization
    await page.locator('#p-legalName').fill(LEGAL_NAME);
    await page.locator('#p-acronyms').fill(ACRONYM);
    await page.locator('#p-regNumber').fill('CAC/IT/55120');
    await page.locator('#p-regAuthority').fill('Corporate Affairs Commission');
    await page.locator('#p-regCountry').selectOption('NG');
    await page.locator('#p-regDate').fill('2012-03-01');
    await page.locator('#p-yearFounded').fill('2012');
    await page.getByRole('radio', { name: 'The headquarters' }).check();
    await waitSaved(page);
    expect(await profile()).toMatchObject({ legalName: LEGAL_NAME, acronyms: [ACRONYM] });

    // Step 2, with a reload before the change was sent: the browser kept it and sends it after the reload
    await page.getByTestId('wizard-next').click();
    await page.locator('#p-headName').fill('Amina Okafor');
    await page.locator('#p-headRole').fill('Executive Director');
    expect(await saveState(page)).toBe('pending');
    await page.waitForTimeout(300); // the IndexedDB write (well under the 1.5 s before sending)
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator('#p-headName').waitFor();
    await expect(page.locator('#p-headName').inputValue()).resolves.toBe('Amina Okafor');
    await expect(page.locator('#p-headRole').inputValue()).resolves.toBe('Executive Director');
    await waitSaved(page);
    expect((await profile()).head).toEqual({ name: 'Amina Okafor', role: 'Executive Director' });
    await page.locator('#p-key-0-name').fill('Chidi Balogun');
    await page.locator('#p-key-0-role').fill('Finance Officer');
    await page.locator('#p-mandate').fill('Shelter and legal aid for survivors of trafficking');
    await page.locator('#p-populations').fill('Survivors of trafficking\nChildren at risk');
    await waitSaved(page);

    // Step 3: budgets, policies and the declaration
    await page.getByTestId('wizard-next').click();
    const year = new Date().getUTCFullYear();
    for (const k of [1, 2, 3]) await page.locator(`#p-budget-${year - k}`).fill(`${400 + k * 10},000.00`);
    await page.locator('#p-pseaPolicy').check();
    await page.locator('#p-pseaName').fill('Grace Obi');
    await page.locator('#p-pseaEmail').fill('psea@ngo.example.org');
    await page.locator('#p-antiFraud').check();
    await page.locator('#p-signedBy').fill('Amina Okafor');
    await page.locator('#p-sign').check();
    await page.getByTestId('declaration-signed').waitFor();
    await waitSaved(page);
    await checkPage(page, 'partners-wizard-policies-en');

    // Step 4: a wrong IBAN is named on its field; the right one is saved
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('bank-warning').waitFor();
    await page.locator('#p-bankHolder').fill(LEGAL_NAME);
    await page.locator('#p-bankName').fill('Deutsche Bank');
    await page.locator('#p-bankCountry').selectOption('DE');
    await page.locator('#p-bankBic').fill('DEUTDEFF');
    await page.locator('#p-bankIban').fill('DE89 3704 0044 0532 0130 01');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=save-status]')?.getAttribute('data-state') === 'rejected',
      null,
      { timeout: 15_000 },
    );
    const ibanError = page.locator('#p-bankIban-error');
    await expect(ibanError.innerText()).resolves.toContain('This IBAN is not valid');
    expect((await profile()).bank).toBeNull();
    await checkPage(page, 'partners-wizard-bank-error-en');
    await page.locator('#p-bankIban').fill('DE89 3704 0044 0532 0130 00');
    await waitSaved(page);
    expect((await profile()).bank).toMatchObject({ iban: 'DE89370400440532013000' });

    // Step 5: one document through the page, the rest through the API; then nothing is missing
    await page.getByTestId('wizard-next').click();
    await page.locator('#d-type').selectOption('registration_certificate');
    await page.locator('#d-issuedOn').fill('2025-01-10');
    await page.locator('#d-expiresOn').fill(`${year + 3}-01-10`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'registration.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByTestId('upload-document').click();
    await page.locator('[data-document-type=registration_certificate]').waitFor();
    for (const type of [
      'statutes',
      'audited_financials',
      'audited_financials',
      'psea_policy',
      'bank_letter',
    ]) {
      const res = await uploadDocument(api, ngo.organizationId, ngo.token, {
        type,
        issuedOn: '2025-01-01',
        expiresOn: `${year + 2}-06-30`,
      });
      expect(res.status).toBe(201);
    }
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('profile-complete').waitFor();
    expect(await profile()).toMatchObject({ complete: true, missing: [] });

    await language(page, 'ar');
    await page.getByTestId('profile-complete').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await checkPage(page, 'partners-wizard-documents-ar');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /المنظمة/ })
      .click();
    await page.locator('#p-legalName').waitFor();
    await expect(page.locator('#p-legalName').inputValue()).resolves.toBe(LEGAL_NAME);
    await checkPage(page, 'partners-wizard-organization-ar');
    await page.context().close();
  }, 300_000);

  it('the fund manager clears the sanctions hit with a reason, rates the risk and verifies', async () => {
    // the acronym typed in the wizard was screened by the worker against the imported list
    await worker.get(OutboxRelay).drain();
    const hits = await waitFor(
      async () =>
        (await api.http().get(`/api/partners/${ngo.organizationId}/due-diligence`).set(bearer(fm.token))).body
          .hits as { dataId: string; status: string }[],
      (h) => h.some((x) => x.dataId === '6908101'),
      20_000,
      200,
    );
    expect(hits.find((h) => h.dataId === '6908101')).toMatchObject({ status: 'open' });

    const page = await newPage();
    await signIn(page, fm.email, STAFF_PASSWORD);
    // the nav names the page; opened by its address (the staff's dashboard moves on to the fund's page)
    await page.getByRole('link', { name: 'Partners' }).waitFor();
    await open(page, '/manage/partners');
    await page.getByTestId('partners-list').waitFor();
    const row = page.locator(`[data-organization="${ngo.organizationId}"]`);
    await expect(row.textContent()).resolves.toContain('Open screening hits: 1');
    await checkPage(page, 'partners-list-en');

    await row.getByRole('link').click();
    await page.getByTestId('dd-checklist').waitFor();
    // The page rates for the fund in its address, else the first fund listed: other files' funds share this
    // database, so the rating is made for this test's fund by name (as a manager of several funds would).
    await open(page, `/manage/partners/${ngo.organizationId}?fund=${fundId}`);
    await page.getByTestId('dd-checklist').waitFor();
    await expect(page.getByTestId('dd-organization').innerText()).resolves.toBe(LEGAL_NAME);

    // refused while the hit is open, with the problem's own message
    await page.getByTestId('verify-dd').click();
    await expect(page.getByRole('alert').first().innerText()).resolves.toContain(
      'matches the UN sanctions list',
    );
    expect(
      (await api.http().get(`/api/partners/${ngo.organizationId}/profile`).set(bearer(fm.token))).body
        .dueDiligenceVerifiedAt,
    ).toBeNull();

    // a reason is required; then cleared
    const hit = page.locator('[data-hit="6908101"]');
    await hit.getByTestId('clear-hit').click();
    await expect(hit.getByText('Give the reason for your decision.').count()).resolves.toBe(1);
    await hit
      .getByRole('textbox')
      .fill('Different organization: registered in Nigeria in 2012, other founders');
    await hit.getByTestId('clear-hit').click();
    await page.locator('[data-hit="6908101"][data-status=cleared]').waitFor();

    // the capacity assessment: strong everywhere but procurement and reporting
    for (const [q, v] of [
      ['governance', '4'],
      ['financial_management', '4'],
      ['internal_control', '3'],
      ['procurement', '2'],
      ['human_resources', '3'],
      ['psea', '4'],
      ['reporting', '2'],
    ])
      await page.locator(`#q-${q}`).selectOption(v);
    await page.locator('#risk-note').fill('Sound controls; procurement to be strengthened');
    await page.getByTestId('assess').click();
    await page.locator('[data-testid=risk-history] [data-level]').first().waitFor();
    const rating = (
      await api.http().get(`/api/partners/${ngo.organizationId}/due-diligence`).set(bearer(fm.token))
    ).body.assessments[0] as { fundId: string; score: number; level: string };
    expect(rating).toMatchObject({ fundId, score: 84, level: 'low' });
    await expect(page.getByTestId('risk-history').textContent()).resolves.toContain('Low risk');
    // the rater by name (fund managers cannot read users: the API names them), not by id
    await expect(page.getByTestId('rater').first().innerText()).resolves.toBe('Amina Diallo (you)');

    await page.getByTestId('verify-dd').click();
    await page.getByText("The organization's due diligence is verified.").waitFor();
    expect(
      (await api.http().get(`/api/partners/${ngo.organizationId}/profile`).set(bearer(fm.token))).body
        .dueDiligenceVerifiedAt,
    ).not.toBeNull();
    // the checklist is read again after the verification
    await page
      .getByTestId('dd-checklist')
      .getByText(/Verified on .*, valid until /)
      .waitFor();
    await checkPage(page, 'partners-dd-verified-en');

    await language(page, 'ar');
    await page.getByTestId('dd-checklist').waitFor();
    await checkPage(page, 'partners-dd-verified-ar');
    await open(page, '/manage/partners');
    await page.getByTestId('partners-list').waitFor();
    await checkPage(page, 'partners-list-ar');
    await page.context().close();
  }, 300_000);

  it('an admin imports the next list version through its page', async () => {
    const page = await newPage();
    await signIn(page, admin.email, STAFF_PASSWORD);
    await page.getByRole('link', { name: 'Sanctions lists' }).waitFor();
    await open(page, '/manage/sanctions');
    await page.getByTestId('sanctions-lists').waitFor({ timeout: 60_000 });
    await checkPage(page, 'partners-sanctions-en');
    await page.locator('input[type=file]').setInputFiles(LIST_V2);
    await page.getByTestId('import-list').click();
    await page.getByText(/Imported: \d+ entries/).waitFor();
    // the new version joins the one imported before the tests
    await page.getByTestId('sanctions-lists').locator('tbody tr').nth(1).waitFor();
    await language(page, 'ar');
    await page.getByTestId('sanctions-lists').waitFor();
    await checkPage(page, 'partners-sanctions-ar');
    await page.context().close();
  }, 300_000);
});
