import { Api, startApi, unique, userWithRoles } from '../setup/harness';
import {
  applicationBody,
  bearer,
  callIn,
  createFund,
  submittedApplication,
  verifiedNgo,
} from '../factories/grant-cycle';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

/**
 * Issue 15 (B): what the fund manager's and reviewer's pages need of the API. The applications list filters
 * and sorts across all pages; bulk screening of a filtered set; reviewers with their load and conflicts; a
 * blind call hides the attachments' own file names from reviewers; an approval the balance cannot cover
 * says how much is missing.
 */
describe('manager and reviewer support: filters, bulk screening, loads, blind files, refusals', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  // Twenty-odd requests: the shared machine needs more than the default 30 s at times.
  it('filters, sorts and pages a call, screens a filtered set in bulk and lists reviewers with their load', async () => {
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    const fundId = await createFund(api, { available: 50_000_000 });
    const callId = await callIn(api, fm, fundId, 'open', { blind: true });
    const ngos = await Promise.all([0, 1, 2, 3, 4].map(() => verifiedNgo(api)));
    const specs = [
      { title: 'Alpha shelter', countries: ['NG'], services: ['shelter'], requested: 1_500_000 },
      { title: 'Bravo legal', countries: ['KE'], services: ['legal_aid'], requested: 1_000_000 },
      { title: 'Charlie shelter', countries: ['KE'], services: ['shelter'], requested: 2_000_000 },
      { title: 'Delta shelter', countries: ['PH'], services: ['shelter'], requested: 1_200_000 },
      { title: 'Echo legal', countries: ['NG'], services: ['legal_aid'], requested: 1_100_000 },
    ];
    const ids: string[] = [];
    for (const [i, s] of specs.entries()) {
      const over = applicationBody({
        title: `${s.title} ${unique('t')}`,
        summary: `Direct help in ${s.countries[0]}`,
        countries: s.countries,
        services: s.services,
        budget: [{ category: s.services[0], description: 'Work', amount: s.requested }],
      });
      if (i === 0) {
        // A draft with a file named after the NGO, then submitted: a reviewer of the blind call never sees it.
        const created = await api
          .http()
          .post(`/api/calls/${callId}/applications`)
          .set(bearer(ngos[0].token))
          .send(over);
        expect(created.status).toBe(201);
        const up = await api
          .http()
          .post(`/api/applications/${created.body.id}/attachments`)
          .set(bearer(ngos[0].token))
          .attach('file', PDF, { filename: 'Hope House Lagos proposal.pdf', contentType: 'application/pdf' });
        expect(up.status).toBe(201);
        expect(
          (await api.http().post(`/api/applications/${created.body.id}/submit`).set(bearer(ngos[0].token)))
            .status,
        ).toBe(200);
        ids.push(created.body.id);
      } else {
        ids.push(await submittedApplication(api, callId, ngos[i].token, over));
      }
    }
    const list = (q: Record<string, string | number>) =>
      api
        .http()
        .get('/api/applications')
        .query({ callId, ...q })
        .set(bearer(fm));

    // sorting by amount across pages of two: the pages join up into the whole order
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ sort: '-requested', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((a: { requested: number }) => a.requested));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([2_000_000, 1_500_000, 1_200_000, 1_100_000, 1_000_000]);

    const shelterKe = await list({ service: 'shelter', country: 'KE' });
    expect(shelterKe.body.items.map((a: { id: string }) => a.id)).toEqual([ids[2]]);
    const byText = await list({ q: 'LEGAL', sort: 'title' });
    expect(byText.body.items.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[4]]);
    expect(byText.body.total).toBe(2);
    const badSort = await list({ sort: 'organization_id; drop table x' });
    expect(badSort.status).toBe(400);
    const badCursor = await list({ sort: 'title', cursor: 'bm9wZQ' });
    expect(badCursor.status).toBe(400);

    expect((await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm))).status).toBe(200);

    // bulk: both or neither of ids and filter is a 400 that changes nothing
    const both = await api
      .http()
      .post(`/api/calls/${callId}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'x', ids: [ids[0]], filter: { service: 'shelter' } });
    expect(both.status).toBe(400);
    expect(both.headers['content-type']).toContain('application/problem+json');
    const ngoBulk = await api
      .http()
      .post(`/api/calls/${callId}/eligibility`)
      .set(bearer(ngos[0].token))
      .send({ eligible: true, reason: 'x', filter: {} });
    expect(ngoBulk.status).toBe(403);

    // one screened out by hand first; then the shelter set in bulk: it is left as it was, the others change
    const out = await api
      .http()
      .post(`/api/applications/${ids[3]}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: false, reason: 'outside the eligible themes' });
    expect(out.status).toBe(200);
    const bulk = await api
      .http()
      .post(`/api/calls/${callId}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'meets every criterion', filter: { service: 'shelter' } });
    expect(bulk.status).toBe(200);
    expect(bulk.body.matched).toBe(3);
    expect(bulk.body.changed.map((c: { id: string }) => c.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(bulk.body.changed.every((c: { status: string }) => c.status === 'eligible')).toBe(true);
    expect(bulk.body.failed).toEqual([
      expect.objectContaining({ id: ids[3], status: 'ineligible', code: 'APPLICATIONS.INVALID_STATE' }),
    ]);
    const left = await list({ status: 'submitted' });
    expect(left.body.items.map((a: { id: string }) => a.id).sort()).toEqual([ids[1], ids[4]].sort());

    // reviewers with their load; one declares a conflict and the list says so
    const [r1, r2] = await Promise.all([userWithRoles(api, ['reviewer']), userWithRoles(api, ['reviewer'])]);
    for (const r of [r1, r2]) {
      const res = await api
        .http()
        .post(`/api/applications/${ids[0]}/assignments`)
        .set(bearer(fm))
        .send({ reviewerId: r.id });
      expect(res.status).toBe(201);
    }
    const r2Assignment = await api
      .http()
      .post(`/api/applications/${ids[2]}/assignments`)
      .set(bearer(fm))
      .send({ reviewerId: r2.id });
    const mine = await api.http().get('/api/assignments').set(bearer(r1.token));
    const conflict = await api
      .http()
      .post(`/api/assignments/${mine.body.items[0].id}/conflict`)
      .set(bearer(r1.token))
      .send({ reason: 'I advised this NGO last year' });
    expect(conflict.status).toBe(200);
    const reviewers = await api.http().get(`/api/calls/${callId}/reviewers`).set(bearer(fm));
    expect(reviewers.status).toBe(200);
    const one = reviewers.body.items.find((r: { id: string }) => r.id === r1.id);
    const two = reviewers.body.items.find((r: { id: string }) => r.id === r2.id);
    expect(one).toMatchObject({ open: 0, conflicts: 1, conflictApplicationIds: [ids[0]] });
    expect(two).toMatchObject({ open: 2, conflicts: 0, conflictApplicationIds: [] });
    const assignments = await api.http().get(`/api/calls/${callId}/assignments`).set(bearer(fm));
    expect(assignments.body.items).toHaveLength(3);
    expect(assignments.body.items.map((a: { id: string }) => a.id)).toContain(r2Assignment.body.id);
    expect((await api.http().get(`/api/calls/${callId}/reviewers`).set(bearer(r1.token))).status).toBe(403);

    // the blind call: the reviewer sees neither the NGO nor its own file name, in the view or the download
    const asReviewer = await api.http().get(`/api/applications/${ids[0]}`).set(bearer(r2.token));
    expect(asReviewer.status).toBe(200);
    expect(asReviewer.body.organizationName).toBeUndefined();
    expect(asReviewer.body.attachments).toHaveLength(1);
    expect(asReviewer.body.attachments[0].filename).toBe('attachment-1.pdf');
    expect(JSON.stringify(asReviewer.body)).not.toMatch(/Hope House|@/);
    const file = await api
      .http()
      .get(`/api/applications/${ids[0]}/attachments/${asReviewer.body.attachments[0].id}`)
      .set(bearer(r2.token));
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment-1.pdf');
    expect(file.headers['content-disposition']).not.toContain('Hope');
    const asStaff = await api.http().get(`/api/applications/${ids[0]}`).set(bearer(fm));
    expect(asStaff.body.attachments[0].filename).toBe('Hope House Lagos proposal.pdf');
  }, 120_000);

  it('names the missing amount when the balance cannot cover an approval', async () => {
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    // USD 10,000 available; PSC 13%
    const fundId = await createFund(api, { available: 1_000_000 });
    const callId = await callIn(api, fm, fundId, 'open', { minAward: 100_000, maxAward: 1_500_000 });
    const ngo = await verifiedNgo(api);
    const appId = await submittedApplication(api, callId, ngo.token, {
      budget: [{ category: 'shelter', description: 'Rent', amount: 1_400_000 }],
    });
    expect((await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm))).status).toBe(200);
    await api
      .http()
      .post(`/api/applications/${appId}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'ok' })
      .expect(200);
    const decide = (amount: number) =>
      api
        .http()
        .post(`/api/applications/${appId}/decision`)
        .set(bearer(fm))
        .set('idempotency-key', unique('decision'))
        .send({ decision: 'approve', amount, note: 'Strong shelter work' });
    // 900,000 + PSC 117,000 = 1,017,000 needed of 1,000,000: 17,000 missing
    const short = await decide(900_000);
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({
      type: '/problems/insufficient-funds',
      code: 'FUNDS.INSUFFICIENT',
      available: 1_000_000,
      needed: 1_017_000,
      missing: 17_000,
      currency: 'USD',
    });
    const app = await api.http().get(`/api/applications/${appId}`).set(bearer(fm));
    expect(app.body.status).toBe('eligible');
  });
});
