import { bearer } from '../factories/grant-cycle';
import { Api, startApi, unique, userWithRoles } from '../setup/harness';

interface Entry {
  id: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  action: string;
  entity: string;
  entityId: string;
  summary: Record<string, unknown>;
  at: string;
}

/**
 * The audit log's filters (issue 16): by entity, by actor and by a date range, with paging; each row names
 * its actor (name and roles) so the portal writes it as a sentence. Bad filters are 400 problems.
 */
describe('the audit log filtered by entity, actor and dates', () => {
  let api: Api;
  let amina: { id: string; token: string };
  let other: { id: string; token: string };
  const emails: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    amina = await userWithRoles(api, ['admin']);
    other = await userWithRoles(api, ['admin']);
    for (const [who, n] of [
      [amina, 3],
      [other, 1],
    ] as const) {
      for (let i = 0; i < n; i += 1) {
        const email = `${unique('invitee')}@tests.example.org`;
        const res = await api
          .http()
          .post('/api/invitations')
          .set(bearer(who.token))
          .send({ email, roles: ['reviewer'] });
        expect(res.status).toBe(201);
        if (who === amina) emails.push(email);
      }
    }
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const audit = (query: string, token = amina.token) =>
    api.http().get(`/api/audit?${query}`).set(bearer(token));

  it("lists one actor's invitations, newest first, each naming its actor, a page at a time", async () => {
    const first = await audit(`entity=invitation&actorId=${amina.id}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await audit(
      `entity=invitation&actorId=${amina.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.status).toBe(200);
    const items: Entry[] = [...first.body.items, ...second.body.items];
    expect(second.body.nextCursor).toBeNull();
    expect(items.map((e) => e.summary.email)).toEqual([...emails].reverse());
    for (const e of items) {
      expect(e).toMatchObject({ actorId: amina.id, entity: 'invitation', action: 'invitation.created' });
      expect(e.actorName).toMatch(/^Test admin/);
      expect(e.actorRoles).toEqual(['admin']);
      expect(e.summary.roles).toEqual(['reviewer']);
    }
    const theirs = await audit(`entity=invitation&actorId=${other.id}`);
    expect(theirs.body.items.map((e: Entry) => e.actorId)).toEqual([other.id]);
  });

  it('keeps the rows of a date range: a day is whole, a moment is included, nothing outside', async () => {
    const all = (await audit(`entity=invitation&actorId=${amina.id}`)).body.items as Entry[];
    const oldest = all[all.length - 1];
    const today = oldest.at.slice(0, 10);
    expect(
      (await audit(`entity=invitation&actorId=${amina.id}&from=${today}&to=${today}`)).body.items,
    ).toHaveLength(3);
    const upTo = await audit(`entity=invitation&actorId=${amina.id}&to=${encodeURIComponent(oldest.at)}`);
    expect(upTo.body.items.map((e: Entry) => e.id)).toEqual([oldest.id]);
    const after = await audit(`entity=invitation&actorId=${amina.id}&from=${encodeURIComponent(all[0].at)}`);
    expect(after.body.items.map((e: Entry) => e.id)).toEqual([all[0].id]);
    expect((await audit(`actorId=${amina.id}&from=2001-01-01&to=2001-12-31`)).body.items).toEqual([]);
  });

  it('answers bad filters with a 400 problem and keeps the log from non-admins', async () => {
    for (const q of ['actorId=nope', 'from=yesterday', 'to=2026-13-01', 'from=2026-02-01&to=2026-01-01']) {
      const res = await audit(q);
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const finance = await userWithRoles(api, ['finance']);
    expect((await audit('entity=invitation', finance.token)).status).toBe(403);
    // the administrators' rates page reads the exchange rates (finance writes them)
    expect((await api.http().get('/api/exchange-rates').set(bearer(amina.token))).status).toBe(200);
    const manager = await userWithRoles(api, ['fund_manager']);
    expect((await api.http().get('/api/exchange-rates').set(bearer(manager.token))).status).toBe(403);
  });
});
