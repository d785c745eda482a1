import { bearer } from '../factories/grant-cycle';
import { completeProfile, fillProfile, PDF, uploadDocument } from '../factories/partners';
import { Api, adminToken, registerNgo, startApi, unique, userWithRoles } from '../setup/harness';

/** Issue 17: the NGO's profile, its documents, and the due-diligence verification that needs it complete. */
describe('partner profile and verification', () => {
  let api: Api;
  let fm: string;

  beforeAll(async () => {
    api = await startApi();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
  });

  afterAll(async () => {
    await api.close();
  });

  const profileOf = async (orgId: string, token: string) =>
    api.http().get(`/api/partners/${orgId}/profile`).set(bearer(token));

  it('an incomplete profile cannot be verified; the complete one can', async () => {
    const ngo = await registerNgo(api);
    const name = unique('Kite Relief');
    // the wizard saves a first step only
    const first = await api
      .http()
      .patch(`/api/partners/${ngo.organizationId}/profile`)
      .set(bearer(ngo.token))
      .send({ legalName: name, acronyms: ['KR'] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ legalName: name, acronyms: ['KR'], complete: false });

    const refused = await api.http().post(`/api/partners/${ngo.organizationId}/verify`).set(bearer(fm));
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('PARTNERS.PROFILE_INCOMPLETE');
    const fields = (refused.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['registration', 'bank', 'declaration', 'documents.audited_financials']),
    );
    expect((await profileOf(ngo.organizationId, fm)).body.dueDiligenceVerifiedAt).toBeNull();

    // the rest of the profile, but one audited statement short: still refused, naming the document
    const res = await api
      .http()
      .patch(`/api/partners/${ngo.organizationId}/profile`)
      .set(bearer(ngo.token))
      .send(completeProfile(name));
    expect(res.status).toBe(200);
    for (const type of [
      'registration_certificate',
      'statutes',
      'audited_financials',
      'psea_policy',
      'bank_letter',
    ])
      expect(
        (await uploadDocument(api, ngo.organizationId, ngo.token, { type, issuedOn: '2025-01-01' })).status,
      ).toBe(201);
    const short = await api.http().post(`/api/partners/${ngo.organizationId}/verify`).set(bearer(fm));
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([
      {
        field: 'documents.audited_financials',
        messages: ['2 valid audited_financials document(s) required'],
      },
    ]);

    expect(
      (
        await uploadDocument(api, ngo.organizationId, ngo.token, {
          type: 'audited_financials',
          issuedOn: '2024-01-01',
        })
      ).status,
    ).toBe(201);
    const ok = await api.http().post(`/api/partners/${ngo.organizationId}/verify`).set(bearer(fm));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ complete: true, missing: [] });
    expect(ok.body.dueDiligenceVerifiedAt).not.toBeNull();
    const audit: { action: string }[] = await api.db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'partner.%' ORDER BY id`,
      [ngo.organizationId],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'partner.profile-updated',
        'partner.document-added',
        'partner.due-diligence-verified',
      ]),
    );
  });

  it('IBAN and SWIFT/BIC errors name the field, and nothing changes', async () => {
    const ngo = await registerNgo(api);
    const name = unique('Heron Aid');
    await fillProfile(api, ngo.organizationId, ngo.token, completeProfile(name));
    const before = (await profileOf(ngo.organizationId, ngo.token)).body;
    const bad = await api
      .http()
      .patch(`/api/partners/${ngo.organizationId}/profile`)
      .set(bearer(ngo.token))
      .send({
        mandate: 'changed',
        bank: { holder: name, bankName: 'B', bic: 'DEUT', iban: 'DE89370400440532013001', country: 'DE' },
      });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'bank.bic',
      'bank.iban',
    ]);
    const after = (await profileOf(ngo.organizationId, ngo.token)).body;
    expect(after.mandate).toBe(before.mandate);
    expect(after.bank).toEqual(before.bank);
    expect(after.bank.iban).toBe('DE89370400440532013000');
  });

  it('an NGO sees and edits only its own profile; reviewers never see due-diligence data', async () => {
    const mine = await registerNgo(api);
    const other = await registerNgo(api);
    await fillProfile(api, other.organizationId, other.token, completeProfile(unique('Other')));
    expect((await profileOf(other.organizationId, mine.token)).status).toBe(404);
    expect(
      (
        await api
          .http()
          .patch(`/api/partners/${other.organizationId}/profile`)
          .set(bearer(mine.token))
          .send({ mandate: 'hijack' })
      ).status,
    ).toBe(404);
    expect(
      (
        await uploadDocument(api, other.organizationId, mine.token, {
          type: 'statutes',
          issuedOn: '2025-01-01',
        })
      ).status,
    ).toBe(404);
    const docs = (await profileOf(other.organizationId, other.token)).body.documents as { id: string }[];
    expect(
      (
        await api
          .http()
          .get(`/api/partners/${other.organizationId}/documents/${docs[0].id}`)
          .set(bearer(mine.token))
      ).status,
    ).toBe(404);
    const own = await api
      .http()
      .get(`/api/partners/${other.organizationId}/documents/${docs[0].id}`)
      .set(bearer(other.token));
    expect(own.status).toBe(200);
    expect(
      Buffer.from(own.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const reviewer = await userWithRoles(api, ['reviewer']);
    for (const path of ['profile', 'due-diligence'])
      expect(
        (await api.http().get(`/api/partners/${other.organizationId}/${path}`).set(bearer(reviewer.token)))
          .status,
      ).toBe(403);
    const dd = await api.http().get(`/api/partners/${other.organizationId}/due-diligence`).set(bearer(fm));
    expect(dd.status).toBe(200);
    expect(dd.body.profile.complete).toBe(true);
  });

  it('documents are checked by their bytes, and their dates; nothing is stored when refused', async () => {
    const ngo = await registerNgo(api);
    const count = async () =>
      ((await profileOf(ngo.organizationId, ngo.token)).body.documents as unknown[]).length;
    const exe = await uploadDocument(
      api,
      ngo.organizationId,
      ngo.token,
      { type: 'statutes', issuedOn: '2025-01-01' },
      Buffer.from('MZ\x90\x00 not a pdf'),
    );
    expect(exe.status).toBe(422);
    expect(exe.body.code).toBe('PARTNERS.UNSUPPORTED_DOCUMENT');
    const badType = await uploadDocument(api, ngo.organizationId, ngo.token, {
      type: 'selfie',
      issuedOn: '2025-01-01',
    });
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].field).toBe('type');
    const badDates = await uploadDocument(api, ngo.organizationId, ngo.token, {
      type: 'statutes',
      issuedOn: '2025-01-01',
      expiresOn: '2024-01-01',
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.errors[0].field).toBe('expiresOn');
    const big = await uploadDocument(
      api,
      ngo.organizationId,
      ngo.token,
      { type: 'statutes', issuedOn: '2025-01-01' },
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1, 32)]),
    );
    expect(big.status).toBe(413);
    expect(await count()).toBe(0);
  });

  it('the legacy verification of the contract is unchanged for an organization without due diligence', async () => {
    const ngo = await registerNgo(api);
    const admin = await adminToken(api);
    const res = await api.http().post(`/api/organizations/${ngo.organizationId}/verify`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(true);
  });
});
