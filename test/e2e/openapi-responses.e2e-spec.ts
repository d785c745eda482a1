import type { Response } from 'supertest';
import { Api, adminToken, confirmationToken, startApi, unique, userWithRoles } from '../setup/harness';
import { reachAccountRoutes, registration } from '../factories/account-routes';
import { binary } from '../setup/pdf-text';
import { OpenApiChecker } from '../setup/openapi-check';
import { bearer, callBody, applicationBody, verifiedNgo } from '../factories/grant-cycle';
import { createDonor, createFund } from '../factories/money';
import { completeProfile, fillProfile, importList, LIST_V1, uploadDocument } from '../factories/partners';
import { ScreeningService } from '@app/partners';
import { reachPostAwardRoutes } from '../factories/post-award-routes';
import { receiptCode } from '@app/donors';
import { pngImage } from '../factories/images';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Real answers of a broad sample of routes, each checked against the response schema the API's own
 * OpenAPI document gives for its status and media type (extra fields fail too): the document says
 * exactly what the code sends, so a client generated from it can be trusted.
 */
describe('OpenAPI document: real answers match the described responses', () => {
  let api: Api;
  let doc: OpenApiChecker;
  let expectStatus: (status: number, res: Response) => Response;
  beforeAll(async () => {
    api = await startApi();
    doc = await OpenApiChecker.load((await api.http().get('/api/docs-json')).body);
    expectStatus = (status, res) => {
      if (res.status !== status) {
        throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
      }
      return doc.check(res);
    };
  });
  afterAll(async () => {
    await api.close();
  });

  const download = (path: string, token: string) =>
    api.http().get(path).set(bearer(token)).buffer(true).parse(binary);

  it('identity, funds, donors and money answers match their schemas', async () => {
    const ok = expectStatus;
    const http = () => api.http();
    ok(200, await http().get('/api/health'));
    // the Prometheus text format, read as a string (the tests' address is loopback: allowed by default)
    const text = (res: Parameters<typeof binary>[0], done: (error: Error | null, body: string) => void) =>
      binary(res, (error, body) => done(error, body.toString('utf8')));
    ok(200, await http().get('/api/metrics').buffer(true).parse(text));
    const admin = await adminToken(api);
    const email = `${unique('doc')}@ngo.example.org`;
    const reg = ok(201, await http().post('/api/auth/register').send(registration(email, 'doc-password-1')));
    const confirm = { token: await confirmationToken(api, reg.body.user.id) };
    ok(200, await http().post('/api/auth/confirm-email').send(confirm));
    const login = ok(200, await http().post('/api/auth/login').send({ email, password: 'doc-password-1' }));
    const ngo = login.body.accessToken as string;
    ok(401, await http().post('/api/auth/login').send({ email, password: 'wrong-password' }));
    ok(400, await http().post('/api/auth/login').send({ email }));
    ok(200, await http().get('/api/me').set(bearer(ngo)));
    ok(200, await http().get('/api/me/notifications').set(bearer(ngo)));
    ok(200, await http().post('/api/me/notifications/read-all').set(bearer(ngo)));
    ok(404, await http().post(`/api/me/notifications/${MISSING}/read`).set(bearer(ngo)));
    ok(401, await http().get('/api/me'));

    const user = ok(
      201,
      await http()
        .post('/api/users')
        .set(bearer(admin))
        .send({
          email: `${unique('u')}@tests.example.org`,
          password: 'a-good-password',
          name: 'U',
          roles: ['finance'],
        }),
    );
    ok(200, await http().get('/api/users?limit=2').set(bearer(admin)));
    ok(200, await http().get(`/api/users/${user.body.id}`).set(bearer(admin)));
    ok(200, await http().patch(`/api/users/${user.body.id}`).set(bearer(admin)).send({ name: 'U2' }));
    ok(404, await http().get(`/api/users/${MISSING}`).set(bearer(admin)));
    ok(403, await http().get('/api/users').set(bearer(ngo)));
    ok(200, await http().get('/api/organizations?verified=false&limit=3').set(bearer(admin)));
    const orgId = reg.body.organization.id as string;
    ok(200, await http().get(`/api/organizations/${orgId}`).set(bearer(admin)));
    ok(200, await http().post(`/api/organizations/${orgId}/verify`).set(bearer(admin)));

    const finance = (await userWithRoles(api, ['finance'])).token;
    const fund = await createFund(api, admin);
    ok(
      201,
      await http()
        .post('/api/funds')
        .set(bearer(admin))
        .send({
          code: unique('D')
            .slice(-12)
            .replace(/[^A-Za-z0-9]/g, ''),
          name: 'Doc fund',
        }),
    );
    ok(409, await http().post('/api/funds').set(bearer(admin)).send({ code: fund.code, name: 'Again' }));
    ok(200, await http().get('/api/funds').set(bearer(finance)));
    ok(200, await http().get(`/api/funds/${fund.id}`).set(bearer(finance)));
    ok(404, await http().get(`/api/funds/not-a-uuid`).set(bearer(finance)));

    const rate = ok(
      201,
      await http()
        .post('/api/exchange-rates')
        .set(bearer(finance))
        .send({ currency: 'SEK', rate: '9.25', effectiveFrom: '2015-01-01' }),
    );
    expect(rate.body.rate).toBe('9.25');
    const supersede = () =>
      http()
        .post(`/api/exchange-rates/${rate.body.id}/supersede`)
        .set(bearer(finance))
        .send({ rate: '9.52', reason: 'mistyped' });
    ok(201, await supersede());
    ok(409, await supersede());
    ok(200, await http().get('/api/exchange-rates?currency=SEK').set(bearer(finance)));

    ok(
      201,
      await http()
        .post('/api/donors')
        .set(bearer(finance))
        .send({ name: unique('Donor'), type: 'private' }),
    );
    const donor = await createDonor(api, finance);
    ok(200, await http().get('/api/donors?limit=5').set(bearer(finance)));
    ok(
      201,
      await http().post('/api/pledges').set(bearer(finance)).send({
        donorId: donor.id,
        fundId: fund.id,
        amount: 700_000,
        currency: 'SEK',
        expectedAt: '2016-01-31',
      }),
    );
    ok(200, await http().get(`/api/pledges?fundId=${fund.id}`).set(bearer(finance)));
    const contribute = (amount: number, key = unique('k')) =>
      http().post('/api/contributions').set(bearer(finance)).set('idempotency-key', key).send({
        donorId: donor.id,
        fundId: fund.id,
        amount,
        currency: 'USD',
        receivedAt: '2015-06-01T10:00:00Z',
      });
    const c1 = ok(201, await contribute(90_000_000));
    const c2 = ok(201, await contribute(1_000));
    ok(400, await http().post('/api/contributions').set(bearer(finance)).send({ amount: 1 }));
    ok(200, await http().get(`/api/contributions?fundId=${fund.id}`).set(bearer(finance)));
    ok(200, await http().get(`/api/contributions/${c1.body.id}`).set(bearer(finance)));
    ok(200, await download(`/api/contributions/${c1.body.id}/receipt`, finance));
    // issue 22: the receipt's verification code, genuine and forged
    const code = receiptCode(process.env.JWT_SECRET ?? '', c1.body.receiptNumber as string);
    ok(200, await http().get(`/api/public/receipts/verify/${encodeURIComponent(code)}`));
    const forged = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    ok(404, await http().get(`/api/public/receipts/verify/${encodeURIComponent(forged)}`));
    const reverse = () =>
      http()
        .post(`/api/contributions/${c2.body.id}/reverse`)
        .set(bearer(finance))
        .set('idempotency-key', unique('r'))
        .send({ reason: 'Bounced transfer' });
    ok(201, await reverse());
    ok(409, await reverse());
    ok(
      201,
      await http()
        .post(`/api/funds/${fund.id}/costs`)
        .set(bearer(finance))
        .set('idempotency-key', unique('c'))
        .send({ amount: 10_000, description: 'Audit' }),
    );
    ok(200, await http().get(`/api/funds/${fund.id}/costs`).set(bearer(finance)));
    ok(400, await http().get(`/api/funds/${fund.id}/costs?limit=0`).set(bearer(finance)));
    ok(200, await http().get(`/api/funds/${fund.id}/balance`).set(bearer(finance)));
    ok(200, await http().get(`/api/funds/${fund.id}/balance?asOf=2015-12-31`).set(bearer(finance)));
    ok(200, await http().get(`/api/funds/${fund.id}/balance/history`).set(bearer(finance)));
    ok(200, await http().get(`/api/funds/${fund.id}/alerts?type=drift`).set(bearer(finance)));
    ok(200, await http().get(`/api/funds/${fund.id}/forecast?commit=100000`).set(bearer(finance)));
    ok(400, await http().get(`/api/funds/${fund.id}/forecast?commit=-1`).set(bearer(finance)));
    ok(200, await download(`/api/donors/${donor.id}/statement?year=2015`, finance));
    ok(200, await download(`/api/donors/${donor.id}/receipts?year=2015`, finance));
    ok(400, await http().get(`/api/donors/${donor.id}/receipts`).set(bearer(finance)));
    ok(
      200,
      await http()
        .get(`/api/reports/contributions?fundId=${fund.id}&groupBy=donor,year`)
        .set(bearer(finance)),
    );
    ok(200, await download(`/api/reports/contributions?fundId=${fund.id}&format=csv`, finance));
    ok(200, await http().get(`/api/funds/${fund.id}/statement`).set(bearer(finance)));
    ok(200, await download(`/api/funds/${fund.id}/statement?format=pdf`, finance));
    ok(200, await download(`/api/funds/${fund.id}/statement?format=xlsx`, finance));
    ok(200, await http().get(`/api/audit?entity=fund&entityId=${fund.id}`).set(bearer(admin)));
    ok(200, await http().get(`/api/audit?entity=fund&from=2020-01-01&to=2100-12-31`).set(bearer(admin)));
    ok(400, await http().get(`/api/audit?from=2026-02-01&to=2026-01-01`).set(bearer(admin)));
    ok(200, await http().get('/api/public/impact?groupBy=year,service,country'));
    ok(200, await http().get('/api/public/summary'));
    ok(404, await http().get(`/api/public/summary?fundId=${MISSING}`));
    const closePeriod = (through: string) =>
      http().post(`/api/funds/${fund.id}/close-period`).set(bearer(finance)).send({ through });
    ok(200, await closePeriod('2015-01-31'));
    ok(409, await closePeriod('2014-12-31'));
    ok(400, await closePeriod('31/01/2015'));
    ok(201, await http().post('/api/admin/board-codes').set(bearer(admin)));
    ok(403, await http().post('/api/admin/board-codes').set(bearer(finance)));
  });

  it('the grant cycle answers match their schemas, and most of the document was reached', async () => {
    const ok = expectStatus;
    const http = () => api.http();
    const admin = await adminToken(api);
    const [fm, finance, reviewer] = await Promise.all([
      userWithRoles(api, ['fund_manager']),
      userWithRoles(api, ['finance']),
      userWithRoles(api, ['reviewer']),
    ]);
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance.token);
    const money = await http()
      .post('/api/contributions')
      .set(bearer(finance.token))
      .set('idempotency-key', unique('k'))
      .send({
        donorId: donor.id,
        fundId: fund.id,
        amount: 50_000_000,
        currency: 'USD',
        receivedAt: '2015-06-01',
      });
    ok(201, money);
    ok(200, await http().get(`/api/funds/${fund.id}/work`).set(bearer(fm.token)));

    const call = ok(201, await http().post('/api/calls').set(bearer(fm.token)).send(callBody(fund.id)));
    const callId = call.body.id as string;
    ok(
      200,
      await http()
        .patch(`/api/calls/${callId}`)
        .set(bearer(fm.token))
        .send({ title: unique('Call') }),
    );
    ok(200, await http().post(`/api/calls/${callId}/publish`).set(bearer(fm.token)));
    ok(409, await http().post(`/api/calls/${callId}/publish`).set(bearer(fm.token)));
    ok(200, await http().post(`/api/calls/${callId}/open`).set(bearer(fm.token)));
    ok(200, await http().get('/api/calls?status=open&limit=2'));
    ok(200, await http().get(`/api/calls/${callId}`));
    ok(404, await http().get(`/api/calls/${MISSING}`));

    const ngo = await verifiedNgo(api);
    const other = await verifiedNgo(api);
    const app = ok(
      201,
      await http().post(`/api/calls/${callId}/applications`).set(bearer(ngo.token)).send(applicationBody()),
    );
    const appId = app.body.id as string;
    ok(
      200,
      await http().patch(`/api/applications/${appId}`).set(bearer(ngo.token)).send({ expectedVictims: 150 }),
    );
    const file = ok(
      201,
      await http()
        .post(`/api/applications/${appId}/attachments`)
        .set(bearer(ngo.token))
        .attach('file', PDF, { filename: 'proposal.pdf', contentType: 'application/pdf' }),
    );
    ok(200, await download(`/api/applications/${appId}/attachments/${file.body.id}`, ngo.token));
    // resumable (tus): create, a first chunk (204), the rest (200 with the attachment), refusals
    const tus = { 'tus-resumable': '1.0.0' };
    const upload = (length: number) =>
      http()
        .post(`/api/applications/${appId}/uploads`)
        .set(bearer(ngo.token))
        .set(tus)
        .set('upload-length', String(length))
        .set('upload-metadata', `filename ${Buffer.from('plan.pdf').toString('base64')}`);
    const chunk = (location: string, offset: number, bytes: Buffer) =>
      http()
        .patch(location)
        .set(bearer(ngo.token))
        .set(tus)
        .set('upload-offset', String(offset))
        .set('content-type', 'application/offset+octet-stream')
        .send(bytes);
    const started = ok(201, await upload(PDF.length));
    ok(204, await chunk(started.body.location, 0, PDF.subarray(0, 1000)));
    ok(409, await chunk(started.body.location, 0, PDF.subarray(0, 1000)));
    ok(200, await chunk(started.body.location, 1000, PDF.subarray(1000)));
    ok(404, await chunk(started.body.location, PDF.length, Buffer.from('x')));
    ok(413, await upload(10 * 1024 * 1024 + 1));
    ok(404, await http().post(`/api/applications/${appId}/uploads`).set(bearer(other.token)).set(tus));
    ok(200, await http().post(`/api/applications/${appId}/submit`).set(bearer(ngo.token)));
    ok(409, await http().post(`/api/applications/${appId}/submit`).set(bearer(ngo.token)));
    const gone = ok(
      201,
      await http().post(`/api/calls/${callId}/applications`).set(bearer(other.token)).send(applicationBody()),
    );
    ok(200, await http().post(`/api/applications/${gone.body.id}/withdraw`).set(bearer(other.token)));
    ok(200, await http().get(`/api/applications?callId=${callId}`).set(bearer(fm.token)));
    ok(200, await http().get(`/api/applications/${appId}`).set(bearer(ngo.token)));
    ok(
      422,
      await http()
        .post(`/api/applications/${appId}/eligibility`)
        .set(bearer(fm.token))
        .send({ eligible: true, reason: 'ok' }),
    );
    ok(200, await http().post(`/api/calls/${callId}/close`).set(bearer(fm.token)));
    ok(
      200,
      await http()
        .post(`/api/applications/${appId}/eligibility`)
        .set(bearer(fm.token))
        .send({ eligible: true, reason: 'fits' }),
    );

    const assigned = ok(
      201,
      await http()
        .post(`/api/applications/${appId}/assignments`)
        .set(bearer(fm.token))
        .send({ reviewerId: reviewer.id }),
    );
    const conflicted = await userWithRoles(api, ['reviewer']);
    const second = ok(
      201,
      await http()
        .post(`/api/applications/${appId}/assignments`)
        .set(bearer(fm.token))
        .send({ reviewerId: conflicted.id }),
    );
    ok(
      200,
      await http()
        .post(`/api/assignments/${second.body.id}/conflict`)
        .set(bearer(conflicted.token))
        .send({ reason: 'former employer' }),
    );
    ok(200, await http().get('/api/assignments').set(bearer(reviewer.token)));
    const scores = ['relevance', 'capacity', 'cost'].map((criterion) => ({
      criterion,
      score: 3,
      comment: 'noted',
    }));
    ok(
      200,
      await http()
        .put(`/api/assignments/${assigned.body.id}/scores`)
        .set(bearer(reviewer.token))
        .send({ scores }),
    );
    ok(200, await http().post(`/api/assignments/${assigned.body.id}/submit`).set(bearer(reviewer.token)));
    ok(200, await http().get(`/api/calls/${callId}/ranking`).set(bearer(fm.token)));
    ok(200, await http().get(`/api/calls/${callId}/reviewers`).set(bearer(fm.token)));
    ok(200, await http().get(`/api/calls/${callId}/assignments`).set(bearer(fm.token)));
    ok(
      200,
      await http()
        .post(`/api/calls/${callId}/eligibility`)
        .set(bearer(fm.token))
        .send({ eligible: true, reason: 'fits', filter: { status: 'submitted' } }),
    );
    ok(
      400,
      await http()
        .post(`/api/calls/${callId}/eligibility`)
        .set(bearer(fm.token))
        .send({ eligible: true, reason: 'fits' }),
    );

    const decision = ok(
      201,
      await http()
        .post(`/api/applications/${appId}/decision`)
        .set(bearer(fm.token))
        .set('idempotency-key', unique('d'))
        .send({
          decision: 'approve',
          note: 'Strong',
          tranches: [
            { percent: 60, condition: 'on_signature' },
            { percent: 40, condition: 'after_report' },
          ],
        }),
    );
    const grantId = decision.body.grantId as string;
    ok(200, await http().get(`/api/grants?fundId=${fund.id}`).set(bearer(fm.token)));
    ok(200, await http().get(`/api/grants/${grantId}`).set(bearer(ngo.token)));
    ok(200, await http().post(`/api/grants/${grantId}/sign`).set(bearer(fm.token)));
    const disburse = (n: number) =>
      http()
        .post(`/api/grants/${grantId}/tranches/${n}/disburse`)
        .set(bearer(finance.token))
        .set('idempotency-key', unique('p'))
        .send({ reference: 'SWIFT 1' });
    ok(201, await disburse(1));
    ok(422, await disburse(2));
    const report = (final: boolean) =>
      http()
        .post(`/api/grants/${grantId}/reports`)
        .set(bearer(ngo.token))
        .send({
          periodEnd: '2015-12-31',
          spent: 100_000,
          narrative: 'Shelter opened',
          final,
          victimsAssisted: [{ service: 'shelter', country: 'NG', count: 12 }],
        });
    const r1 = ok(201, await report(false));
    ok(
      200,
      await http()
        .post(`/api/grants/${grantId}/reports/${r1.body.id}/return`)
        .set(bearer(fm.token))
        .send({ comment: 'More detail' }),
    );
    const r2 = ok(201, await report(false));
    ok(
      200,
      await http().post(`/api/grants/${grantId}/reports/${r2.body.id}/accept`).set(bearer(fm.token)).send({}),
    );
    ok(
      201,
      await http()
        .post(`/api/grants/${grantId}/returns`)
        .set(bearer(finance.token))
        .set('idempotency-key', unique('ret'))
        .send({ amount: 5_000, note: 'unspent' }),
    );
    ok(
      201,
      await http()
        .post(`/api/grants/${grantId}/cancel`)
        .set(bearer(fm.token))
        .set('idempotency-key', unique('x'))
        .send({ note: 'project ended early' }),
    );
    ok(200, await http().get(`/api/grants/${grantId}`).set(bearer(fm.token)));
    ok(
      200,
      await http()
        .get(`/api/reports/grants?fundId=${fund.id}&groupBy=country,service,call`)
        .set(bearer(fm.token)),
    );
    ok(200, await download(`/api/reports/grants?fundId=${fund.id}&format=csv`, fm.token));
    ok(
      200,
      await http()
        .get(`/api/reports/impact?fundId=${fund.id}&groupBy=year,service,country`)
        .set(bearer(fm.token)),
    );
    ok(200, await http().get(`/api/public/impact?fundId=${fund.id}`));
  });

  it('open data answers (IATI files, feeds, downloads, settings) match their schemas', async () => {
    const ok = expectStatus;
    const http = () => api.http();
    const admin = await adminToken(api);
    const [fm, finance] = await Promise.all([
      userWithRoles(api, ['fund_manager']),
      userWithRoles(api, ['finance']),
    ]);
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance.token);
    const iati = (file: string) =>
      http().get(`/api/public/iati/${file}?fundId=${fund.id}`).buffer(true).parse(binary);
    ok(409, await http().get(`/api/public/iati/activities.xml?fundId=${fund.id}`));
    ok(409, await http().get(`/api/public/iati/organisation.xml?fundId=${fund.id}`));
    ok(200, await http().get(`/api/funds/${fund.id}/open-data`).set(bearer(fm.token)));
    ok(404, await http().get(`/api/funds/${MISSING}/open-data`).set(bearer(fm.token)));
    ok(
      400,
      await http().put(`/api/funds/${fund.id}/open-data`).set(bearer(fm.token)).send({ iatiOrgRef: '?' }),
    );
    ok(
      200,
      await http()
        .put(`/api/funds/${fund.id}/open-data`)
        .set(bearer(fm.token))
        .send({ iatiOrgRef: 'XM-DAC-41301' }),
    );
    // no grant yet: an activity file needs one activity
    ok(409, await http().get(`/api/public/iati/activities.xml?fundId=${fund.id}`));
    ok(200, await iati('organisation.xml'));
    ok(404, await http().get(`/api/public/iati/activities.xml?fundId=${MISSING}`));
    ok(404, await http().get(`/api/public/iati/organisation.xml?fundId=${MISSING}`));
    ok(200, await http().get('/api/public/calls'));
    ok(404, await http().get(`/api/public/calls?fundId=${MISSING}`));
    ok(200, await http().get('/api/public/calls.atom').buffer(true).parse(binary));
    ok(404, await http().get(`/api/public/calls.atom?fundId=${MISSING}`));
    ok(200, await http().get('/api/public/contributions.csv').buffer(true).parse(binary));
    ok(404, await http().get(`/api/public/contributions.csv?fundId=${MISSING}`));
    ok(200, await http().get(`/api/public/grants.csv?fundId=${fund.id}`).buffer(true).parse(binary));
    ok(404, await http().get(`/api/public/grants.csv?fundId=${MISSING}`));
    const sensitive = { sensitive: true, reason: 'a hidden shelter' };
    ok(404, await http().put(`/api/grants/${MISSING}/sensitive`).set(bearer(fm.token)).send(sensitive));
    const grants: { id: string }[] = await api.db.query(`SELECT id FROM grants LIMIT 1`);
    if (grants.length)
      ok(
        200,
        await http().put(`/api/grants/${grants[0].id}/sensitive`).set(bearer(fm.token)).send(sensitive),
      );
    ok(400, await http().put(`/api/grants/${MISSING}/sensitive`).set(bearer(fm.token)).send({}));
    const consent = { publicConsent: true };
    ok(
      200,
      await http().put(`/api/donors/${donor.id}/public-consent`).set(bearer(finance.token)).send(consent),
    );
    ok(
      404,
      await http().put(`/api/donors/${MISSING}/public-consent`).set(bearer(finance.token)).send(consent),
    );
  });

  it('account answers (sessions, two-factor, passwords, profile, invitations, team) match their schemas', async () => {
    await reachAccountRoutes(api, expectStatus, await adminToken(api));
  });

  it('partners (due diligence) answers match their schemas', async () => {
    const ok = expectStatus;
    const http = () => api.http();
    const admin = await adminToken(api);
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    const fund = await createFund(api, admin);
    const ngo = await verifiedNgo(api);
    const org = ngo.organizationId;
    const name = 'Nur Relief Front (Al) Openapi';
    ok(200, await http().get(`/api/partners/fund-settings/${fund.id}`).set(bearer(fm)));
    ok(
      200,
      await http().put(`/api/partners/fund-settings/${fund.id}`).set(bearer(fm)).send({
        dueDiligenceRequired: true,
        verificationYears: 5,
        lowMin: 75,
        mediumMin: 50,
        highMin: 30,
        maxAwardHigh: 1_000_000,
        reportMonthsLow: 12,
        reportMonthsMedium: 6,
        reportMonthsHigh: 3,
      }),
    );
    await fillProfile(api, org, ngo.token, completeProfile(name, { acronyms: ['Nur Relief Front (Al)'] }));
    ok(200, await http().get(`/api/partners/${org}/profile`).set(bearer(ngo.token)));
    ok(
      200,
      await http().patch(`/api/partners/${org}/profile`).set(bearer(ngo.token)).send({ mandate: 'Shelter' }),
    );
    const doc = ok(
      201,
      await uploadDocument(api, org, ngo.token, {
        type: 'other',
        issuedOn: '2025-01-01',
        expiresOn: '2030-01-01',
      }),
    );
    ok(200, await download(`/api/partners/${org}/documents/${doc.body.id}`, ngo.token));
    ok(201, await importList(api, admin, LIST_V1));
    ok(200, await http().get('/api/sanctions-lists').set(bearer(fm)));
    ok(200, await http().get('/api/partners?limit=5').set(bearer(fm)));
    await api.app.get(ScreeningService).screen(org);
    const dd = ok(200, await http().get(`/api/partners/${org}/due-diligence`).set(bearer(fm)));
    const hits = dd.body.hits as { id: string }[];
    expect(hits.length).toBeGreaterThan(0);
    ok(409, await http().post(`/api/partners/${org}/verify`).set(bearer(fm)));
    for (const hit of hits)
      ok(
        200,
        await http().post(`/api/partners/hits/${hit.id}/clear`).set(bearer(fm)).send({ reason: 'other org' }),
      );
    ok(200, await http().post(`/api/partners/${org}/verify`).set(bearer(fm)));
    const bank = (iban: string) => ({
      bank: { holder: name, bankName: 'B', bic: 'DEUTDEFF', iban, country: 'DE' },
    });
    ok(
      200,
      await http()
        .patch(`/api/partners/${org}/profile`)
        .set(bearer(ngo.token))
        .send(bank('DE44500105175407324931')),
    );
    ok(
      200,
      await http()
        .post(`/api/partners/${org}/bank-change/reject`)
        .set(bearer(fm))
        .send({ reason: 'no letter' }),
    );
    ok(
      200,
      await http()
        .patch(`/api/partners/${org}/profile`)
        .set(bearer(ngo.token))
        .send(bank('DE44500105175407324931')),
    );
    ok(
      200,
      await http()
        .post(`/api/partners/${org}/bank-change/approve`)
        .set(bearer(fm))
        .send({ reason: 'checked' }),
    );
    ok(
      201,
      await http()
        .post(`/api/partners/${org}/assessments`)
        .set(bearer(fm))
        .send({
          fundId: fund.id,
          answers: [
            'governance',
            'financial_management',
            'internal_control',
            'procurement',
            'human_resources',
            'psea',
            'reporting',
          ].map((key) => ({ key, score: 3 })),
        }),
    );
    const obs = ok(
      201,
      await http()
        .post(`/api/partners/${org}/observations`)
        .set(bearer(fm))
        .send({ level: 'yellow', note: 'late' }),
    );
    ok(
      200,
      await http()
        .post(`/api/partners/observations/${obs.body.id}`)
        .set(bearer(fm))
        .send({ action: 'escalate', note: 'later' }),
    );
    const other = await verifiedNgo(api);
    await fillProfile(api, other.organizationId, other.token, completeProfile('Relief Front Al Nur'));
    await api.app.get(ScreeningService).screen(other.organizationId);
    const otherDd = ok(
      200,
      await http().get(`/api/partners/${other.organizationId}/due-diligence`).set(bearer(fm)),
    );
    const otherHit = (otherDd.body.hits as { id: string }[])[0];
    ok(
      200,
      await http().post(`/api/partners/hits/${otherHit.id}/confirm`).set(bearer(fm)).send({ reason: 'same' }),
    );
  });

  it('post-award answers (offer, agreement, amendments, assurance, close-out) match their schemas', async () => {
    await reachPostAwardRoutes(api, expectStatus);
  });

  it("the fund's logo answers match their schemas", async () => {
    const ok = expectStatus;
    const admin = await adminToken(api);
    const fund = await createFund(api, admin);
    const logo = () => api.http().put(`/api/funds/${fund.id}/logo`).set(bearer(admin));
    ok(404, await api.http().get(`/api/funds/${fund.id}/logo`).set(bearer(admin)));
    ok(200, await logo().attach('file', pngImage(64, 64), 'logo.png'));
    ok(422, await logo().attach('file', PDF, 'logo.png'));
    ok(400, await logo().send({}));
    ok(200, await download(`/api/funds/${fund.id}/logo`, admin));
    ok(204, await api.http().delete(`/api/funds/${fund.id}/logo`).set(bearer(admin)));
    ok(404, await api.http().delete(`/api/funds/${MISSING}/logo`).set(bearer(admin)));
  });

  it('reached every operation of the document (after the tests above)', () => {
    expect(doc.unchecked()).toEqual([]);
    expect(doc.checked.size).toBe(158);
  });
});
