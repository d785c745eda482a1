import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Api, runJob, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';
import { fundWithAvailable, staffTokens } from '../factories/money';
import { figuresOf, generatedOf, identifiersOf, transactionsOf, xmllint } from '../setup/iati';

const MISSING = '00000000-0000-4000-8000-000000000000';
const ORG_REF = 'XM-DAC-41301';
// the nightly job's folder: read by loadConfig when the worker starts
process.env.OPEN_DATA_DIR = mkdtempSync(join(tmpdir(), 'tfg-open-data-'));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Issue 19: a fund's grants as IATI 2.03 files. Three grants (one partly paid with money returned, one
 * partly paid then cancelled, one approved only) validate with xmllint against the official schemas; the
 * transactions add up to the grants report; the same data gives the same bytes; sensitive grants follow
 * the fund's policy; public reads carry an ETag and answer 304; the nightly job writes the files.
 */
describe('open data: IATI activity and organisation files', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let fm: string;
  let finance: string;
  let admin: string;
  let fund: { id: string; code: string };
  const grants: string[] = [];

  const activities = (fundId = fund.id) =>
    api.http().get(`/api/public/iati/activities.xml?fundId=${fundId}`).buffer(true);
  const organisation = (fundId = fund.id) =>
    api.http().get(`/api/public/iati/organisation.xml?fundId=${fundId}`).buffer(true);
  const settings = (body: Record<string, unknown>, token = fm) =>
    api.http().put(`/api/funds/${fund.id}/open-data`).set(bearer(token)).send(body);
  const markSensitive = (grantId: string, sensitive: boolean) =>
    api
      .http()
      .put(`/api/grants/${grantId}/sensitive`)
      .set(bearer(fm))
      .send({ sensitive, reason: 'a shelter whose address must stay hidden' });
  const pay = (grantId: string, n: number, effectiveAt?: string) =>
    api
      .http()
      .post(`/api/grants/${grantId}/tranches/${n}/disburse`)
      .set(bearer(finance))
      .set('idempotency-key', unique('pay'))
      .send(effectiveAt ? { effectiveAt } : {});

  beforeAll(async () => {
    api = await startApi();
    ({ admin, fm, finance } = await staffTokens(api));
    fund = await fundWithAvailable(api, { admin, finance }, 20_000_000);
    const { applicationIds } = await closedCallWithEligible(api, fm, fund.id, 3, 1_000_003);
    for (const applicationId of applicationIds) {
      const d = await decide(api, fm, applicationId, {
        decision: 'approve',
        tranches: [
          { percent: 60, condition: 'on_signature' },
          { percent: 40, condition: 'after_report' },
        ],
      });
      expect(d.status).toBe(201);
      grants.push(d.body.grantId);
    }
    for (const id of grants.slice(0, 2)) {
      expect((await api.http().post(`/api/grants/${id}/sign`).set(bearer(fm))).status).toBe(200);
      expect((await pay(id, 1)).status).toBe(201);
    }
    const ret = await api
      .http()
      .post(`/api/grants/${grants[0]}/returns`)
      .set(bearer(finance))
      .set('idempotency-key', unique('ret'))
      .send({ amount: 25_001, note: 'unspent stipends' });
    expect(ret.status).toBe(201);
    const cancel = await api
      .http()
      .post(`/api/grants/${grants[1]}/cancel`)
      .set(bearer(fm))
      .set('idempotency-key', unique('cancel'))
      .send({ note: 'the NGO closed its shelter' });
    expect(cancel.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('refuses the files with a clear problem while the fund has no IATI identifier', async () => {
    for (const res of [await activities(), await organisation()]) {
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.text)).toMatchObject({
        type: '/problems/iati-identifier-unset',
        code: 'OPEN_DATA.IATI_IDENTIFIER_UNSET',
      });
    }
    expect((await activities(MISSING)).status).toBe(404);
    expect((await api.http().get('/api/public/iati/activities.xml')).status).toBe(400);
    expect((await api.http().get('/api/public/iati/activities.xml?fundId=nope')).status).toBe(400);
  });

  it('refuses bad settings with a 400 and changes nothing; only staff of the fund may set them', async () => {
    const before = await api.http().get(`/api/funds/${fund.id}/open-data`).set(bearer(fm));
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ iatiOrgRef: null, sensitivePolicy: 'exclude', updatedAt: null });
    expect(before.body.sectors).toMatchObject({ shelter: '16015', legal_aid: '15130' });
    for (const bad of [
      { iatiOrgRef: ORG_REF, sectors: { shelter: '12345' } },
      { iatiOrgRef: ORG_REF, sectors: { gardening: '16010' } },
      { iatiOrgRef: 'has spaces' },
      { iatiOrgRef: ORG_REF, sensitivePolicy: 'hide' },
      { iatiOrgRef: ORG_REF, iatiOrgType: '99' },
    ]) {
      const res = await settings(bad);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const reviewer = await userWithRoles(api, ['reviewer']);
    expect((await settings({ iatiOrgRef: ORG_REF }, reviewer.token)).status).toBe(403);
    const after = await api.http().get(`/api/funds/${fund.id}/open-data`).set(bearer(fm));
    expect(after.body).toEqual(before.body);
    expect((await activities()).status).toBe(409);

    const set = await settings({ iatiOrgRef: ORG_REF, sectors: { shelter: '15180' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ iatiOrgRef: ORG_REF, iatiOrgType: '40', sensitivePolicy: 'exclude' });
    expect(set.body.sectors.shelter).toBe('15180');
  });

  it('the activity file validates against the IATI 2.03 schema, one activity per grant', async () => {
    const res = await activities();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const lint = xmllint(res.text, 'activities');
    expect(lint.output).toMatch(/validates/);
    expect(lint.ok).toBe(true);
    expect(identifiersOf(res.text).sort()).toEqual(grants.map((g) => `${ORG_REF}-${fund.code}-${g}`).sort());
    expect(res.text).toContain('<sector vocabulary="1" code="15180" percentage="100"/>');
    expect(res.text).toContain('<recipient-country code="NG" percentage="100"/>');
    expect(res.text).toMatch(/<participating-org ref="NG-R-\d+" type="24" role="4">/);
  });

  it("the transactions add up to the grants report's committed, disbursed and returned", async () => {
    const tx = transactionsOf((await activities()).text);
    const report = await api.http().get(`/api/reports/grants?fundId=${fund.id}`).set(bearer(fm));
    expect(report.status).toBe(200);
    const sum = (type: string, sign: number) =>
      tx.filter((t) => t.type === type && Math.sign(t.value) === sign).reduce((s, t) => s + t.value, 0);
    expect(sum('2', 1) + sum('2', -1)).toBe(report.body.total.committed);
    expect(sum('3', 1)).toBe(report.body.total.disbursed);
    expect(0 - sum('3', -1)).toBe(report.body.total.returned);
    expect(report.body.total.returned).toBe(25_001);
    expect(sum('2', -1)).toBeLessThan(0); // the cancelled tranche
    expect(tx.every((t) => t.currency === 'USD' && /^\d{4}-\d{2}-\d{2}$/.test(t.valueDate))).toBe(true);
  });

  it('the organisation file validates, its budgets are the commitments and its expenditure what was kept', async () => {
    const res = await organisation();
    expect(res.status).toBe(200);
    const lint = xmllint(res.text, 'organisation');
    expect(lint.output).toMatch(/validates/);
    expect(lint.ok).toBe(true);
    const report = await api.http().get(`/api/reports/grants?fundId=${fund.id}`).set(bearer(fm));
    const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(total(figuresOf(res.text, 'total-budget'))).toBe(report.body.total.committed);
    expect(total(figuresOf(res.text, 'recipient-country-budget'))).toBe(report.body.total.committed);
    expect(total(figuresOf(res.text, 'total-expenditure'))).toBe(
      report.body.total.disbursed - report.body.total.returned,
    );
    expect(res.text).toContain(`<organisation-identifier>${ORG_REF}</organisation-identifier>`);
  });

  it('the same data gives byte-identical files, dated by the latest change; a change makes new ones', async () => {
    const [a1, a2, o1, o2] = [
      await activities(),
      await activities(),
      await organisation(),
      await organisation(),
    ];
    expect(sha(a1.text)).toBe(sha(a2.text));
    expect(sha(o1.text)).toBe(sha(o2.text));
    const generated = generatedOf(a1.text);
    const [latest]: { at: Date }[] = await api.db.query(
      `SELECT max(updated_at) AS at FROM open_data_settings WHERE fund_id = $1`,
      [fund.id],
    );
    expect(new Date(generated).getTime()).toBe(Math.floor(latest.at.getTime() / 1000) * 1000);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await settings({ iatiOrgRef: ORG_REF, sectors: { shelter: '16010' } })).status).toBe(200);
    const a3 = await activities();
    expect(sha(a3.text)).not.toBe(sha(a1.text));
    expect(new Date(generatedOf(a3.text)).getTime()).toBeGreaterThan(new Date(generated).getTime());
  });

  it('public reads carry ETag and Cache-Control, and a matching If-None-Match answers 304 with no body', async () => {
    const first = await activities();
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const again = await api
      .http()
      .get(`/api/public/iati/activities.xml?fundId=${fund.id}`)
      .set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await api
      .http()
      .get(`/api/public/iati/activities.xml?fundId=${fund.id}`)
      .set('if-none-match', '"something-else"');
    expect(other.status).toBe(200);
    // errors are never cached
    const refused = await activities(MISSING);
    expect(refused.headers.etag).toBeUndefined();
  });

  it('a sensitive grant is left out under exclude, published without its NGO under redact; marks are audited', async () => {
    const before = await activities();
    const marked = await markSensitive(grants[0], true);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ grantId: grants[0], sensitive: true });
    const audit = await api.db.query(
      `SELECT action FROM audit_log WHERE entity = 'grant' AND entity_id = $1`,
      [grants[0]],
    );
    expect(audit.map((r: { action: string }) => r.action)).toContain('grant.marked-sensitive');
    expect((await markSensitive(MISSING, true)).status).toBe(404);
    expect(
      (await api.http().put(`/api/grants/${grants[0]}/sensitive`).set(bearer(fm)).send({ sensitive: 'yes' }))
        .status,
    ).toBe(400);

    const excluded = await activities();
    expect(excluded.headers.etag).not.toBe(before.headers.etag);
    expect(xmllint(excluded.text, 'activities').ok).toBe(true);
    const hidden = `${ORG_REF}-${fund.code}-${grants[0]}`;
    expect(identifiersOf(excluded.text)).not.toContain(hidden);
    expect(identifiersOf(excluded.text)).toHaveLength(2);
    const org = await organisation();
    expect(xmllint(org.text, 'organisation').ok).toBe(true);

    expect((await settings({ iatiOrgRef: ORG_REF, sensitivePolicy: 'redact' })).status).toBe(200);
    const redacted = await activities();
    expect(xmllint(redacted.text, 'activities').ok).toBe(true);
    expect(identifiersOf(redacted.text)).toContain(hidden);
    const block = redacted.text.split('<iati-activity ').find((a) => a.includes(hidden)) ?? '';
    expect(block).not.toMatch(/role="4"|<receiver-org/);
    expect(block).toContain('details withheld');
    const [{ name }]: { name: string }[] = await api.db.query(
      `SELECT o.name FROM grants g JOIN organizations o ON o.id = g.organization_id WHERE g.id = $1`,
      [grants[0]],
    );
    expect(block).not.toContain(name);

    expect((await markSensitive(grants[0], false)).status).toBe(200);
    const back = await activities();
    const unmasked = back.text.split('<iati-activity ').find((a) => a.includes(hidden)) ?? '';
    expect(unmasked).toContain(name);
  });

  it('the nightly job writes both files under OPEN_DATA_DIR/<fund code>/, byte-identical to the routes', async () => {
    worker = await startWorker();
    await runJob(worker, 'open-data.publish-iati');
    const dir = join(process.env.OPEN_DATA_DIR as string, fund.code);
    await waitFor(
      async () => existsSync(join(dir, 'activities.xml')) && existsSync(join(dir, 'organisation.xml')),
      (done) => done,
      20_000,
    );
    await waitFor(
      async () => readFileSync(join(dir, 'organisation.xml'), 'utf8'),
      (text) => text.length > 0,
    );
    expect(readFileSync(join(dir, 'activities.xml'), 'utf8')).toBe((await activities()).text);
    expect(readFileSync(join(dir, 'organisation.xml'), 'utf8')).toBe((await organisation()).text);
  });
});
