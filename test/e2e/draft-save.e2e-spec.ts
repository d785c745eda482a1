import { Clock } from '@app/core';
import { Api, startApi, userWithRoles } from '../setup/harness';
import { bearer, callIn, createFund, draftApplication, verifiedNgo } from '../factories/grant-cycle';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]);

const line = (description: string, amount: number, category = 'shelter') => ({
  category,
  description,
  amount,
});

/**
 * The draft save (issue 20): `PATCH /api/applications/:id` answers from the statement that wrote the draft,
 * so its answer must be the very view a read gives afterwards; its refusals change nothing; and saves racing
 * on one draft, or with its submission, leave it whole.
 */
describe('draft save: PATCH /api/applications/:id', () => {
  let api: Api;
  let fm: string;
  let fundId: string;

  const tally = async (id: string): Promise<number> => {
    const rows: { saves: number }[] = await api.db.query(
      `SELECT saves FROM application_edit_days WHERE application_id = $1`,
      [id],
    );
    return rows.reduce((n, r) => n + r.saves, 0);
  };

  const draft = (callId: string) => draftApplication(api, callId);

  beforeAll(async () => {
    api = await startApi();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
    fundId = await createFund(api);
  }, 60_000);
  afterAll(async () => {
    api.app.get(Clock).reset();
    await api.close();
  });

  it('answers with exactly the view a read gives afterwards: lines given or kept, files, organization', async () => {
    const call = await callIn(api, fm, fundId, 'open');
    const { id, token, organizationId } = await draft(call);
    for (const name of ['first.pdf', 'second.pdf']) {
      const up = await api
        .http()
        .post(`/api/applications/${id}/attachments`)
        .set(bearer(token))
        .attach('file', PDF, { filename: name, contentType: 'application/pdf' });
      expect(up.status).toBe(201);
    }
    const changes: Record<string, unknown>[] = [
      // more lines than before
      {
        title: '  Shelter, again  ',
        budget: [line('Rent', 1_000_000), line('Food', 200_000), line('Bus', 1)],
      },
      // fewer lines
      { budget: [line('Rent, one year', 1_500_000, 'legal_aid')] },
      // no budget: the lines stay, the other fields change
      { summary: 'New summary', countries: ['KE', 'NG'], services: ['shelter'], expectedVictims: 7 },
      {},
    ];
    for (const change of changes) {
      const patched = await api.http().patch(`/api/applications/${id}`).set(bearer(token)).send(change);
      expect(patched.status).toBe(200);
      const read = await api.http().get(`/api/applications/${id}`).set(bearer(token));
      expect(read.status).toBe(200);
      expect(patched.body).toEqual(read.body);
    }
    const final = (await api.http().get(`/api/applications/${id}`).set(bearer(token))).body;
    expect(final).toMatchObject({
      organizationId,
      title: 'Shelter, again',
      summary: 'New summary',
      countries: ['KE', 'NG'],
      services: ['shelter'],
      expectedVictims: 7,
      budget: [{ category: 'legal_aid', description: 'Rent, one year', amount: 1_500_000 }],
      requested: 1_500_000,
      status: 'draft',
    });
    expect(final.attachments.map((f: { filename: string }) => f.filename)).toEqual([
      'first.pdf',
      'second.pdf',
    ]);
    const lines: { n: number }[] = await api.db.query(
      `SELECT n FROM application_budget_lines WHERE application_id = $1 ORDER BY n`,
      [id],
    );
    expect(lines.map((l) => l.n)).toEqual([1]);
    expect(await tally(id)).toBe(4);
  });

  it('refuses with nothing changed: after the deadline (the clock), outside the call, another NGO, not a draft', async () => {
    const deadline = new Date(Date.now() + 3600_000);
    deadline.setMilliseconds(0);
    const call = await callIn(api, fm, fundId, 'open', { deadline: deadline.toISOString() });
    const { id, token } = await draft(call);
    const before = (await api.http().get(`/api/applications/${id}`).set(bearer(token))).body;
    const change = { title: 'Changed', budget: [line('Rent', 2_000_000)] };
    const clock = api.app.get(Clock);
    try {
      clock.setNow(deadline);
      const late = await api.http().patch(`/api/applications/${id}`).set(bearer(token)).send(change);
      expect(late.status).toBe(422);
      expect(late.body.type).toBe('/problems/deadline-passed');
      clock.setNow(new Date(deadline.getTime() - 1));
      const inTime = await api.http().patch(`/api/applications/${id}`).set(bearer(token)).send({});
      expect(inTime.status).toBe(200);
    } finally {
      clock.reset();
    }
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ countries: ['FR'] }, 422, 'countries'],
      [{ services: ['stipends'] }, 422, 'services'],
      [{ budget: [line('Rent', 10)] }, 422, 'budget'],
      // each line under the cap, their sum past it: refused by the service, under the row lock
      [{ budget: [line('Rent', 60_000_000_000), line('More', 60_000_000_000)] }, 400, 'budget'],
      [{ title: null }, 400, 'title'],
    ];
    for (const [body, status, field] of refusals) {
      const res = await api.http().patch(`/api/applications/${id}`).set(bearer(token)).send(body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const other = await verifiedNgo(api);
    const theirs = await api.http().patch(`/api/applications/${id}`).set(bearer(other.token)).send(change);
    expect(theirs.status).toBe(404);
    const after = (await api.http().get(`/api/applications/${id}`).set(bearer(token))).body;
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    expect(await tally(id)).toBe(1); // only the save one millisecond before the deadline

    const closed = await callIn(api, fm, fundId, 'open');
    const shut = await draft(closed);
    expect((await api.http().post(`/api/calls/${closed}/close`).set(bearer(fm))).status).toBe(200);
    const res = await api.http().patch(`/api/applications/${shut.id}`).set(bearer(shut.token)).send(change);
    expect(res.status).toBe(422);
    expect(await tally(shut.id)).toBe(0);
  });

  it('keeps a draft whole under saves racing on it and with its submission', async () => {
    const call = await callIn(api, fm, fundId, 'open');
    const { id, token } = await draft(call);
    // 1 to 4 lines a save, always about 2,000,000 in all (the call takes 1,000,000 to 3,000,000)
    const budgets = Array.from({ length: 12 }, (_, i) => {
      const count = 1 + (i % 4);
      return Array.from({ length: count }, (_, k) =>
        line(`Line ${k + 1} of save ${i}`, Math.floor(2_000_000 / count) + i * 10 + k),
      );
    });
    const answers = await Promise.all(
      budgets.map((budget, i) =>
        api
          .http()
          .patch(`/api/applications/${id}`)
          .set(bearer(token))
          .send({ title: `Save ${i}`, budget }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(budgets.map(() => 200));
    const read = (await api.http().get(`/api/applications/${id}`).set(bearer(token))).body;
    // the stored draft is one save's, whole: its title, its lines and their sum
    const which = Number(String(read.title).replace('Save ', ''));
    expect(read.budget).toEqual(budgets[which]);
    expect(read.requested).toBe(budgets[which].reduce((s, l) => s + l.amount, 0));
    for (const [i, a] of answers.entries()) {
      expect(a.body.title).toBe(`Save ${i}`);
      expect(a.body.budget).toEqual(budgets[i]);
    }
    expect(await tally(id)).toBe(12);

    const race = await Promise.all([
      ...budgets
        .slice(0, 4)
        .map((budget) => api.http().patch(`/api/applications/${id}`).set(bearer(token)).send({ budget })),
      api.http().post(`/api/applications/${id}/submit`).set(bearer(token)),
      ...budgets
        .slice(4, 8)
        .map((budget) => api.http().patch(`/api/applications/${id}`).set(bearer(token)).send({ budget })),
    ]);
    const submit = race[4];
    expect(submit.status).toBe(200);
    const saves = race.filter((_, i) => i !== 4);
    expect(saves.every((s) => s.status === 200 || s.status === 409)).toBe(true);
    const stored = (await api.http().get(`/api/applications/${id}`).set(bearer(token))).body;
    expect(stored.status).toBe('submitted');
    // what was submitted is what the submission answered, and saves after it changed nothing
    expect(stored.budget).toEqual(submit.body.budget);
    expect(stored.requested).toBe(submit.body.requested);
    expect(await tally(id)).toBe(12 + saves.filter((s) => s.status === 200).length);
  });
});
