import { getMetadataStorage } from 'class-validator';
import { request as rawRequest } from 'node:http';
import { connect } from 'node:net';
import { Api, registerNgo, startApi, unique, userWithRoles } from '../setup/harness';
import { contribute, createDonor, createFund } from '../factories/money';
import { applicationBody, bearer, callIn, verifiedNgo } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';

const PROBLEM = /application\/problem\+json/;
const ZERO = '00000000-0000-4000-8000-000000000000';

/** One raw HTTP exchange, for what supertest cannot send (oversized headers, long URLs). */
function raw(port: number, text: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
      resolve({ status, type, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('issue 11: bad input, attachments and idempotency scopes', () => {
  let api: Api;
  let port: number;
  let admin: string;
  let fm: string;
  let finance: string;
  let reviewer: string;
  let ngo: string;
  beforeAll(async () => {
    api = await startApi();
    port = (api.app.getHttpServer().address() as { port: number }).port;
    [admin, fm, finance, reviewer] = (
      await Promise.all(
        (['admin', 'fund_manager', 'finance', 'reviewer'] as const).map((r) => userWithRoles(api, [r])),
      )
    ).map((u) => u.token);
    ngo = (await registerNgo(api)).token;
  });
  afterAll(async () => {
    await api.close();
  });

  describe('issue 11 item 14: a missing, null or wrong-typed nested object or array is a 400 naming it', () => {
    it.each([
      ['{}', {}, ['organization', 'user']],
      ['null', null, ['organization', 'user']],
      ['{"user": []}', { user: [] }, ['organization', 'user']],
      ['nested null', { organization: null, user: null }, ['organization', 'user']],
      ['nested strings', { organization: 'NGO', user: 5 }, ['organization', 'user']],
    ])('POST /api/auth/register with %s', async (_name, body, fields) => {
      const res = await api
        .http()
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.type).toBe('/problems/validation');
      const named = (res.body.errors as { field: string }[]).map((e) => e.field);
      for (const field of fields) expect(named).toContain(field);
    });

    // Every route whose body has a nested object or array, with each such field missing, null, of the
    // wrong type, or holding a wrong-typed item.
    const routes: [string, string, () => string, Record<string, unknown>, string[]][] = [
      ['post', '/api/auth/register', () => '', { organization: {}, user: {} }, ['organization', 'user']],
      [
        'post',
        '/api/users',
        () => admin,
        { email: 'x@y.org', name: 'X', password: 'long-enough-1', roles: ['finance'] },
        ['roles', 'fundIds'],
      ],
      ['patch', `/api/users/${ZERO}`, () => admin, { name: 'X' }, ['roles', 'fundIds']],
      [
        'post',
        '/api/calls',
        () => fm,
        { fundId: ZERO, title: 'T' },
        ['themes', 'eligibleCountries', 'rubric'],
      ],
      ['patch', `/api/calls/${ZERO}`, () => fm, { title: 'T' }, ['themes', 'eligibleCountries', 'rubric']],
      [
        'post',
        `/api/calls/${ZERO}/applications`,
        () => ngo,
        applicationBody(),
        ['countries', 'services', 'budget'],
      ],
      ['patch', `/api/applications/${ZERO}`, () => ngo, { title: 'T' }, ['countries', 'services', 'budget']],
      [
        'post',
        `/api/applications/${ZERO}/decision`,
        () => fm,
        { decision: 'approve', note: 'n' },
        ['tranches'],
      ],
      [
        'post',
        `/api/grants/${ZERO}/reports`,
        () => ngo,
        { periodEnd: '2015-06-30', spent: 1, narrative: 'n' },
        ['victimsAssisted'],
      ],
      ['put', `/api/assignments/${ZERO}/scores`, () => reviewer, {}, ['scores']],
    ];
    const wrong: [string, unknown][] = [
      ['null', null],
      ['a string', 'x'],
      ['a number', 7],
      ['an object for an array', { a: 1 }],
      ['an array of null', [null]],
      ['an array of arrays', [[]]],
      ['an array of numbers', [1]],
    ];
    it.each(routes)(
      '%s %s: every nested field, wrong in every way, is a 400 naming it',
      async (method, path, token, base, fields) => {
        const wrongAnswers: string[] = [];
        for (const field of fields) {
          for (const [label, value] of [...wrong, ['missing', undefined] as [string, unknown]]) {
            const body: Record<string, unknown> = { ...base, [field]: value };
            if (value === undefined) delete body[field];
            const req = api.http()[method as 'post'](path).set('idempotency-key', unique('k'));
            if (token()) req.set(bearer(token()));
            const res = await req.send(body);
            const named = ((res.body.errors ?? []) as { field: string }[]).some((e) =>
              e.field.startsWith(field),
            );
            // a wrong value is a 400 naming the field; an optional field may be left out, never a 500
            const fine =
              res.status === 400
                ? named && PROBLEM.test(res.headers['content-type'])
                : value === undefined && res.status < 500;
            if (!fine) wrongAnswers.push(`${field} as ${label}: ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
        expect(wrongAnswers).toEqual([]);
      },
    );

    it('every nested object or array in every DTO is checked for its type (IsObject beside ValidateNested)', () => {
      const storage = getMetadataStorage() as unknown as {
        validationMetadatas: Map<
          { name: string },
          { propertyName: string; type: string; name?: string; each?: boolean }[]
        >;
      };
      const unchecked: string[] = [];
      let nested = 0;
      for (const [target, metas] of storage.validationMetadatas) {
        for (const m of metas.filter((x) => x.type === 'nestedValidation')) {
          nested += 1;
          const typed = metas.some(
            (x) =>
              x.propertyName === m.propertyName &&
              x.name === 'isObject' &&
              Boolean(x.each) === Boolean(m.each),
          );
          if (!typed) unchecked.push(`${target.name}.${m.propertyName}`);
        }
      }
      expect(nested).toBeGreaterThanOrEqual(7);
      expect(unchecked).toEqual([]);
    });

    it('fastify refusals are problem+json: 414 long path parameter, 414 long URL, 431, 413, 415, bad JSON, bad URL', async () => {
      const longParam = await api.http().get(`/api/calls/${'a'.repeat(150)}`);
      expect(longParam.status).toBe(414);
      expect(longParam.headers['content-type']).toMatch(PROBLEM);
      expect(longParam.body).toMatchObject({ type: '/problems/uri-too-long', status: 414 });

      const longUrl = await api.http().get(`/api/calls?status=${'o'.repeat(5000)}`);
      expect(longUrl.status).toBe(414);
      expect(longUrl.headers['content-type']).toMatch(PROBLEM);

      const big = await raw(
        port,
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
      );
      expect(big.status).toBe(431);
      expect(big.type).toMatch(PROBLEM);
      expect(JSON.parse(big.body)).toMatchObject({ type: '/problems/header-fields-too-large', status: 431 });

      const tooLarge = await api
        .http()
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(1_100_000) }));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers['content-type']).toMatch(PROBLEM);
      expect(tooLarge.body.type).toBe('/problems/payload-too-large');

      const media = await api.http().post('/api/auth/login').set('content-type', 'text/xml').send('<a/>');
      expect(media.status).toBe(415);
      expect(media.headers['content-type']).toMatch(PROBLEM);
      expect(media.body.type).toBe('/problems/unsupported-media-type');

      const json = await api
        .http()
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"a":');
      expect(json.status).toBe(400);
      expect(json.headers['content-type']).toMatch(PROBLEM);

      const badUrl = await new Promise<{ status: number; type: string }>((resolve, reject) => {
        const req = rawRequest(
          { host: '127.0.0.1', port, path: '/api/calls/%E0%A4%A', method: 'GET' },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(badUrl.status).toBe(400);
      expect(badUrl.type).toMatch(PROBLEM);
    });
  });

  describe('issue 11 item 11: attachment names', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]);

    it('a %PDF- file uploaded as Budget.hta is stored and served as Budget.pdf, bidi controls stripped, nosniff', async () => {
      const fundId = (await createFund(api, admin)).id;
      const call = await callIn(api, fm, fundId, 'open');
      const owner = await verifiedNgo(api);
      const app = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(owner.token))
        .send(applicationBody());
      expect(app.status).toBe(201);
      const upload = (filename: string) =>
        api
          .http()
          .post(`/api/applications/${app.body.id}/attachments`)
          .set(bearer(owner.token))
          .attach('file', pdf, { filename, contentType: 'application/octet-stream' });
      const hta = await upload('Budget.hta');
      expect(hta.status).toBe(201);
      expect(hta.body.filename).toBe('Budget.pdf');
      const bidi = await upload('Report\u202Eftp.exe\u2066\u200f');
      expect(bidi.status).toBe(201);
      expect(bidi.body.filename).toBe('Reportftp.pdf');
      const stored: { filename: string }[] = await api.db.query(
        `SELECT filename FROM application_attachments WHERE application_id = $1 ORDER BY created_at`,
        [app.body.id],
      );
      expect(stored.map((s) => s.filename)).toEqual(['Budget.pdf', 'Reportftp.pdf']);

      const down = await api
        .http()
        .get(`/api/applications/${app.body.id}/attachments/${hta.body.id}`)
        .set(bearer(owner.token));
      expect(down.status).toBe(200);
      expect(down.headers['x-content-type-options']).toBe('nosniff');
      expect(down.headers['content-type']).toMatch(/^application\/pdf/);
      expect(down.headers['content-disposition']).toBe(
        `attachment; filename="Budget.pdf"; filename*=UTF-8''Budget.pdf`,
      );

      // a row stored before the rule is served under the detected type's extension too
      await api.db.query(`UPDATE application_attachments SET filename = $2 WHERE id = $1`, [
        hta.body.id,
        'Old\u202Egnp.hta',
      ]);
      const old = await api
        .http()
        .get(`/api/applications/${app.body.id}/attachments/${hta.body.id}`)
        .set(bearer(fm));
      expect(old.headers['content-disposition']).toContain('filename="Oldgnp.pdf"');
      const view = await api.http().get(`/api/applications/${app.body.id}`).set(bearer(owner.token));
      expect(view.body.attachments.map((a: { filename: string }) => a.filename)).toEqual([
        'Oldgnp.pdf',
        'Reportftp.pdf',
      ]);
    });
  });

  describe('issue 11 item 13: idempotency is keyed on the route pattern and normalized parameters', () => {
    it('a retry of a disbursement and of a return with an upper-case and a lower-case UUID records one of each', async () => {
      const fund = await createFund(api, admin);
      const donor = await createDonor(api, finance);
      expect(
        (await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount: 5_000_000 })).status,
      ).toBe(201);
      const { applicationIds } = await closedCallWithEligible(api, fm, fund.id, 1, 1_000_000);
      const approved = await decide(api, fm, applicationIds[0], { decision: 'approve' });
      expect(approved.status).toBe(201);
      const grantId = approved.body.grantId as string;
      expect((await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm))).status).toBe(200);

      const payKey = unique('pay');
      const pay = (id: string, n: string) =>
        api
          .http()
          .post(`/api/grants/${id}/tranches/${n}/disburse`)
          .set(bearer(finance))
          .set('idempotency-key', payKey)
          .send({});
      const first = await pay(grantId.toUpperCase(), '1');
      expect(first.status).toBe(201);
      const retry = await pay(grantId, '01');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);

      const retKey = unique('ret');
      const giveBack = (id: string) =>
        api
          .http()
          .post(`/api/grants/${id}/returns`)
          .set(bearer(finance))
          .set('idempotency-key', retKey)
          .send({ amount: 10_000, note: 'unspent' });
      const upper = await giveBack(grantId.toUpperCase());
      expect(upper.status).toBe(201);
      const lower = await giveBack(grantId);
      expect(lower.status).toBe(201);
      expect(lower.body).toEqual(upper.body);
      const [{ n }]: { n: number }[] = await api.db.query(
        `SELECT count(*)::int AS n FROM grant_returns WHERE grant_id = $1`,
        [grantId],
      );
      expect(n).toBe(1);
      const postings: { n: number }[] = await api.db.query(
        `SELECT count(*)::int AS n FROM ledger_postings WHERE fund_id = $1 AND kind = 'disbursement'`,
        [fund.id],
      );
      expect(postings[0].n).toBe(1);
    });
  });
});
