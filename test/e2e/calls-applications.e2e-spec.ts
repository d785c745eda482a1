import { Clock } from '@app/core';
import { Api, registerNgo, startApi, userWithRoles } from '../setup/harness';
import {
  applicationBody,
  bearer,
  callBody,
  callIn,
  createFund,
  RUBRIC,
  verifiedNgo,
} from '../factories/grant-cycle';

describe('calls and applications over HTTP', () => {
  let api: Api;
  let fm: string;
  let fundId: string;
  beforeAll(async () => {
    api = await startApi();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
    fundId = await createFund(api, { newCallTarget: 50_000_000, available: 5_000_000 });
  });
  afterAll(async () => {
    api.app.get(Clock).reset();
    await api.close();
  });

  describe('calls', () => {
    it('creates a draft (201), publishes and opens it; opening below the target warns and is audited', async () => {
      const created = await api.http().post('/api/calls').set(bearer(fm)).send(callBody(fundId));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        currency: 'USD',
        envelope: 10_000_000,
        blind: false,
      });
      const id = created.body.id;
      const published = await api.http().post(`/api/calls/${id}/publish`).set(bearer(fm));
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'published', warnings: [] });
      const opened = await api.http().post(`/api/calls/${id}/open`).set(bearer(fm));
      expect(opened.status).toBe(200);
      expect(opened.body.status).toBe('open');
      expect(opened.body.warnings).toEqual([expect.objectContaining({ code: 'CALLS.BELOW_TARGET' })]);
      const audit: { action: string }[] = await api.db.query(
        `SELECT action FROM audit_log WHERE entity = 'call' AND entity_id = $1 ORDER BY at`,
        [id],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'call.created',
        'call.published',
        'call.opened_below_target',
        'call.opened',
      ]);
      const outbox: { name: string }[] = await api.db.query(
        `SELECT name FROM outbox WHERE payload->>'callId' = $1`,
        [id],
      );
      expect(outbox).toHaveLength(2);
    });

    it('opens without a warning when the fund has reached its target, and with one when no balance row exists', async () => {
      const rich = await createFund(api, { newCallTarget: 1_000, available: 1_000 });
      const a = await callIn(api, fm, rich, 'published');
      const opened = await api.http().post(`/api/calls/${a}/open`).set(bearer(fm));
      expect(opened.body.warnings).toEqual([]);
      const empty = await createFund(api, { newCallTarget: 1_000 });
      const b = await callIn(api, fm, empty, 'published');
      expect((await api.http().post(`/api/calls/${b}/open`).set(bearer(fm))).body.warnings).toHaveLength(1);
    });

    it('refuses invalid transitions with 409 and a stable code', async () => {
      const id = await callIn(api, fm, fundId, 'draft');
      const res = await api.http().post(`/api/calls/${id}/open`).set(bearer(fm));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        type: '/problems/invalid-transition',
        code: 'CALLS.INVALID_TRANSITION',
      });
      const closed = await api.http().post(`/api/calls/${id}/close`).set(bearer(fm));
      expect(closed.status).toBe(409);
    });

    it('refuses to publish an incomplete call or one whose deadline passed (422 with the fields)', async () => {
      const { deadline: _d, description: _x, ...partial } = callBody(fundId);
      const created = await api.http().post('/api/calls').set(bearer(fm)).send(partial);
      expect(created.status).toBe(201);
      const res = await api.http().post(`/api/calls/${created.body.id}/publish`).set(bearer(fm));
      expect(res.status).toBe(422);
      expect(res.body.type).toBe('/problems/call-incomplete');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'deadline',
        'description',
      ]);
    });

    it('freezes the rubric once open (409 /problems/rubric-frozen) but lets a published call change it', async () => {
      const published = await callIn(api, fm, fundId, 'published');
      const rubric = [{ key: 'only', label: 'Only', weight: 100, maxScore: 5 }];
      const ok = await api.http().patch(`/api/calls/${published}`).set(bearer(fm)).send({ rubric });
      expect(ok.status).toBe(200);
      expect(ok.body.rubric).toEqual(rubric);
      const open = await callIn(api, fm, fundId, 'open');
      const frozen = await api.http().patch(`/api/calls/${open}`).set(bearer(fm)).send({ rubric });
      expect(frozen.status).toBe(409);
      expect(frozen.body).toMatchObject({ type: '/problems/rubric-frozen', code: 'CALLS.RUBRIC_FROZEN' });
      const envelope = await api
        .http()
        .patch(`/api/calls/${open}`)
        .set(bearer(fm))
        .send({ envelope: 20_000_000 });
      expect(envelope.status).toBe(409);
      const title = await api.http().patch(`/api/calls/${open}`).set(bearer(fm)).send({ title: 'Renamed' });
      expect(title.status).toBe(200);
      const current = await api.http().get(`/api/calls/${open}`);
      expect(current.body.rubric).toEqual(RUBRIC);
    });

    it.each([
      ['an extra field', { surprise: 1 }],
      ['an extra field inside the rubric', { rubric: [{ ...RUBRIC[0], weight: 100, extra: true }] }],
      ['weights summing to 90', { rubric: [RUBRIC[0], { ...RUBRIC[1], weight: 40 }] }],
      ['duplicate rubric keys', { rubric: [RUBRIC[0], { ...RUBRIC[1], key: 'relevance', weight: 50 }] }],
      ['an unknown country', { eligibleCountries: ['XX'] }],
      ['an unknown service', { themes: ['cooking'] }],
      ['an amount as a string', { envelope: '10000000' }],
      ['a fractional amount', { minAward: 1000.5 }],
      ['a deadline without a time zone', { deadline: '2031-01-01T00:00:00' }],
      ['min above max', { minAward: 5_000_000 }],
      ['max above the envelope', { maxAward: 20_000_000 }],
    ])('answers %s with 400 problem+json', async (_name, change) => {
      const res = await api.http().post('/api/calls').set(bearer(fm)).send(callBody(fundId, change));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('/problems/validation');
      expect(res.body.errors.length).toBeGreaterThan(0);
    });

    it('answers 403 before validation for a non fund manager, and 404 for an unknown fund', async () => {
      const ngo = await registerNgo(api);
      const res = await api.http().post('/api/calls').set(bearer(ngo.token)).send({ nonsense: true });
      expect(res.status).toBe(403);
      const unknown = await api
        .http()
        .post('/api/calls')
        .set(bearer(fm))
        .send(callBody('00000000-0000-4000-8000-000000000000'));
      expect(unknown.status).toBe(404);
    });

    it('limits a fund manager of another fund: creating or reading its calls is 404', async () => {
      const other = await createFund(api);
      const limited = await userWithRoles(api, ['fund_manager'], { fundIds: [other] });
      const res = await api.http().post('/api/calls').set(bearer(limited.token)).send(callBody(fundId));
      expect(res.status).toBe(404);
      const draft = await callIn(api, fm, fundId, 'draft');
      expect((await api.http().get(`/api/calls/${draft}`).set(bearer(limited.token))).status).toBe(404);
      const list = await api.http().get('/api/calls?limit=500').set(bearer(limited.token));
      expect(list.body.items.every((c: { fundId: string }) => c.fundId === other)).toBe(true);
    });

    it('shows drafts to staff only; anonymous callers see published calls and later', async () => {
      const draft = await callIn(api, fm, fundId, 'draft');
      const published = await callIn(api, fm, fundId, 'published');
      expect((await api.http().get(`/api/calls/${draft}`)).status).toBe(404);
      expect((await api.http().get(`/api/calls/${published}`)).status).toBe(200);
      expect((await api.http().get(`/api/calls/${draft}`).set(bearer(fm))).status).toBe(200);
      const anonymous = await api.http().get('/api/calls?limit=500');
      const ids = anonymous.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(published);
      expect(ids).not.toContain(draft);
      expect((await api.http().get('/api/calls?status=draft')).body.items).toEqual([]);
      const staff = await api.http().get('/api/calls?status=draft&limit=500').set(bearer(fm));
      expect(staff.body.items.map((c: { id: string }) => c.id)).toContain(draft);
      const page = await api.http().get('/api/calls?limit=1').set(bearer(fm));
      expect(page.body.items).toHaveLength(1);
      expect(page.body.nextCursor).toEqual(expect.any(String));
    });
  });

  describe('applications', () => {
    it('creates a draft with requested = sum of the budget, edits it, submits it; then editing is 409', async () => {
      const call = await callIn(api, fm, fundId, 'open');
      const ngo = await verifiedNgo(api);
      const created = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', requested: 1_500_000, currency: 'USD' });
      const id = created.body.id;
      const patched = await api
        .http()
        .patch(`/api/applications/${id}`)
        .set(bearer(ngo.token))
        .send({ budget: [{ category: 'shelter', description: 'Rent', amount: 2_000_000 }] });
      expect(patched.status).toBe(200);
      expect(patched.body.requested).toBe(2_000_000);
      const submitted = await api.http().post(`/api/applications/${id}/submit`).set(bearer(ngo.token));
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      const edit = await api
        .http()
        .patch(`/api/applications/${id}`)
        .set(bearer(ngo.token))
        .send({ title: 'Late' });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('APPLICATIONS.INVALID_STATE');
      const again = await api.http().post(`/api/applications/${id}/submit`).set(bearer(ngo.token));
      expect(again.status).toBe(409);
      const outbox: unknown[] = await api.db.query(
        `SELECT 1 FROM outbox WHERE name = 'applications.submitted' AND payload->>'applicationId' = $1`,
        [id],
      );
      expect(outbox).toHaveLength(1);
    });

    it('allows one active application per organization and call; a withdrawn one aside', async () => {
      const call = await callIn(api, fm, fundId, 'published');
      const ngo = await registerNgo(api);
      const first = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      expect(first.status).toBe(201);
      const second = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      expect(second.status).toBe(409);
      expect(second.body.type).toBe('/problems/duplicate-application');
      const withdrawn = await api
        .http()
        .post(`/api/applications/${first.body.id}/withdraw`)
        .set(bearer(ngo.token));
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const third = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      expect(third.status).toBe(201);
    });

    it('refuses to submit for an unverified organization or to a call that is only published (422)', async () => {
      const open = await callIn(api, fm, fundId, 'open');
      const unverified = await registerNgo(api);
      const draft = await api
        .http()
        .post(`/api/calls/${open}/applications`)
        .set(bearer(unverified.token))
        .send(applicationBody());
      const res = await api
        .http()
        .post(`/api/applications/${draft.body.id}/submit`)
        .set(bearer(unverified.token));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        type: '/problems/organization-not-verified',
        code: 'APPLICATIONS.ORGANIZATION_NOT_VERIFIED',
      });
      const published = await callIn(api, fm, fundId, 'published');
      const ngo = await verifiedNgo(api);
      const app = await api
        .http()
        .post(`/api/calls/${published}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      const early = await api.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(ngo.token));
      expect(early.status).toBe(422);
      expect(early.body.type).toBe('/problems/call-not-open');
    });

    it('refuses a submission one second after the deadline (422 /problems/deadline-passed), the call still open', async () => {
      const deadline = new Date(Date.now() + 3600_000);
      deadline.setMilliseconds(0);
      const call = await callIn(api, fm, fundId, 'open', { deadline: deadline.toISOString() });
      const ngo = await verifiedNgo(api);
      const late = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      const clock = api.app.get(Clock);
      try {
        clock.setNow(new Date(deadline.getTime() + 1000));
        const res = await api.http().post(`/api/applications/${late.body.id}/submit`).set(bearer(ngo.token));
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({
          type: '/problems/deadline-passed',
          code: 'APPLICATIONS.DEADLINE_PASSED',
        });
        const state = await api.http().get(`/api/applications/${late.body.id}`).set(bearer(ngo.token));
        expect(state.body.status).toBe('draft');
        // one second before, it goes through
        clock.setNow(new Date(deadline.getTime() - 1000));
        const ok = await api.http().post(`/api/applications/${late.body.id}/submit`).set(bearer(ngo.token));
        expect(ok.status).toBe(200);
      } finally {
        clock.reset();
      }
    });

    it('answers deadline-passed also once the call is closed', async () => {
      const deadline = new Date(Date.now() + 3600_000);
      const call = await callIn(api, fm, fundId, 'open', { deadline: deadline.toISOString() });
      const ngo = await verifiedNgo(api);
      const app = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      const clock = api.app.get(Clock);
      try {
        clock.setNow(new Date(deadline.getTime() + 60_000));
        expect((await api.http().post(`/api/calls/${call}/close`).set(bearer(fm))).status).toBe(200);
        const res = await api.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(ngo.token));
        expect(res.status).toBe(422);
        expect(res.body.type).toBe('/problems/deadline-passed');
      } finally {
        clock.reset();
      }
    });

    it("keeps NGO A out of NGO B's application (404 to read, edit, submit, withdraw)", async () => {
      const call = await callIn(api, fm, fundId, 'open');
      const a = await verifiedNgo(api);
      const b = await verifiedNgo(api);
      const app = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(b.token))
        .send(applicationBody());
      const id = app.body.id;
      expect((await api.http().get(`/api/applications/${id}`).set(bearer(a.token))).status).toBe(404);
      expect(
        (await api.http().patch(`/api/applications/${id}`).set(bearer(a.token)).send({ title: 'x' })).status,
      ).toBe(404);
      expect((await api.http().post(`/api/applications/${id}/submit`).set(bearer(a.token))).status).toBe(404);
      expect((await api.http().post(`/api/applications/${id}/withdraw`).set(bearer(a.token))).status).toBe(
        404,
      );
      const list = await api.http().get(`/api/applications?callId=${call}`).set(bearer(a.token));
      expect(list.body.items).toEqual([]);
      expect((await api.http().get(`/api/applications/${id}`).set(bearer(b.token))).status).toBe(200);
      expect((await api.http().get(`/api/applications/${id}`).set(bearer(fm))).body.organizationId).toBe(
        b.organizationId,
      );
      expect((await api.http().get('/api/applications/not-a-uuid').set(bearer(b.token))).status).toBe(404);
    });

    it.each([
      ['a country the call does not cover', { countries: ['FR'] }, 422],
      [
        'a request below the minimum award',
        { budget: [{ category: 'shelter', description: 'x', amount: 10 }] },
        422,
      ],
      ['a service outside the call themes', { services: ['stipends'] }, 422],
      ['an unknown country', { countries: ['ZZ'] }, 400],
      [
        'an unknown budget category',
        { budget: [{ category: 'cars', description: 'x', amount: 1_500_000 }] },
        400,
      ],
      [
        'an amount as a string',
        { budget: [{ category: 'shelter', description: 'x', amount: '1500000' }] },
        400,
      ],
      [
        'a fractional amount',
        { budget: [{ category: 'shelter', description: 'x', amount: 1_500_000.5 }] },
        400,
      ],
      [
        'an extra field in a budget line',
        { budget: [{ category: 'shelter', description: 'x', amount: 1_500_000, vat: 1 }] },
        400,
      ],
      ['an extra field', { hidden: true }, 400],
    ])('refuses %s', async (_name, change, status) => {
      const call = await callIn(api, fm, fundId, 'open');
      const ngo = await registerNgo(api);
      const res = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody(change));
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('answers 403 to a fund manager creating an application and to an NGO screening one', async () => {
      const call = await callIn(api, fm, fundId, 'open');
      expect((await api.http().post(`/api/calls/${call}/applications`).set(bearer(fm)).send({})).status).toBe(
        403,
      );
      const ngo = await verifiedNgo(api);
      const app = await api
        .http()
        .post(`/api/calls/${call}/applications`)
        .set(bearer(ngo.token))
        .send(applicationBody());
      const res = await api
        .http()
        .post(`/api/applications/${app.body.id}/eligibility`)
        .set(bearer(ngo.token))
        .send({ eligible: true, reason: 'mine' });
      expect(res.status).toBe(403);
    });

    describe('attachments', () => {
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(2000, 0x20),
        Buffer.from('\n%%EOF\n'),
      ]);
      const xlsx = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(26),
        Buffer.from('xl/workbook.xml'),
      ]);

      it('stores a PDF and an XLSX (by their bytes) with a checksum, and lets the owner and staff download them', async () => {
        const call = await callIn(api, fm, fundId, 'open');
        const ngo = await verifiedNgo(api);
        const other = await verifiedNgo(api);
        const app = await api
          .http()
          .post(`/api/calls/${call}/applications`)
          .set(bearer(ngo.token))
          .send(applicationBody());
        const up = await api
          .http()
          .post(`/api/applications/${app.body.id}/attachments`)
          .set(bearer(ngo.token))
          .attach('file', pdf, { filename: 'proposal.pdf', contentType: 'application/pdf' });
        expect(up.status).toBe(201);
        expect(up.body).toMatchObject({
          filename: 'proposal.pdf',
          mime: 'application/pdf',
          size: pdf.length,
        });
        expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
        const sheet = await api
          .http()
          .post(`/api/applications/${app.body.id}/attachments`)
          .set(bearer(ngo.token))
          .attach('file', xlsx, { filename: 'budget.bin' });
        expect(sheet.status).toBe(201);
        expect(sheet.body.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        for (const token of [ngo.token, fm]) {
          const down = await api
            .http()
            .get(`/api/applications/${app.body.id}/attachments/${up.body.id}`)
            .set(bearer(token))
            .buffer(true)
            .parse((res, cb) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => cb(null, Buffer.concat(chunks)));
            });
          expect(down.status).toBe(200);
          expect(down.headers['content-type']).toMatch(/application\/pdf/);
          expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);
        }
        const stranger = await api
          .http()
          .get(`/api/applications/${app.body.id}/attachments/${up.body.id}`)
          .set(bearer(other.token));
        expect(stranger.status).toBe(404);
        const view = await api.http().get(`/api/applications/${app.body.id}`).set(bearer(ngo.token));
        expect(view.body.attachments).toHaveLength(2);
      });

      it('refuses a file that is not PDF, DOCX or XLSX by its bytes, whatever its name (422)', async () => {
        const call = await callIn(api, fm, fundId, 'open');
        const ngo = await verifiedNgo(api);
        const app = await api
          .http()
          .post(`/api/calls/${call}/applications`)
          .set(bearer(ngo.token))
          .send(applicationBody());
        const res = await api
          .http()
          .post(`/api/applications/${app.body.id}/attachments`)
          .set(bearer(ngo.token))
          .attach('file', Buffer.from('MZ this is an exe'), {
            filename: 'proposal.pdf',
            contentType: 'application/pdf',
          });
        expect(res.status).toBe(422);
        expect(res.body.type).toBe('/problems/unsupported-attachment');
        const none = await api
          .http()
          .post(`/api/applications/${app.body.id}/attachments`)
          .set(bearer(ngo.token))
          .send({});
        expect(none.status).toBe(400);
      });

      it('refuses a file over 10 MiB (413)', async () => {
        const call = await callIn(api, fm, fundId, 'open');
        const ngo = await verifiedNgo(api);
        const app = await api
          .http()
          .post(`/api/calls/${call}/applications`)
          .set(bearer(ngo.token))
          .send(applicationBody());
        const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
        const res = await api
          .http()
          .post(`/api/applications/${app.body.id}/attachments`)
          .set(bearer(ngo.token))
          .attach('file', big, { filename: 'big.pdf' });
        expect(res.status).toBe(413);
        const stored: unknown[] = await api.db.query(
          `SELECT 1 FROM application_attachments WHERE application_id = $1`,
          [app.body.id],
        );
        expect(stored).toHaveLength(0);
      });
    });
  });
});
