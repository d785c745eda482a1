import { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { Api, runJob, startApi, startWorker, userWithRoles, waitFor } from '../setup/harness';
import { bearer, callIn, createFund, draftApplication } from '../factories/grant-cycle';

interface AuditRow {
  action: string;
  summary: Record<string, unknown>;
}

/**
 * Issue 20: draft saves are not audited one by one. The audit log holds the draft's creation, one
 * "edited" row per draft and day (saves counted, fields named), and the submission.
 */
describe('draft saves in the audit log: a daily summary, not a row a save', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let fm: string;
  let callId: string;

  const auditOf = async (id: string): Promise<AuditRow[]> =>
    api.db.query(
      `SELECT action, summary FROM audit_log WHERE entity = 'application' AND entity_id = $1 ORDER BY at, id`,
      [id],
    );

  async function draftWithSaves(saves: number): Promise<{ id: string; token: string }> {
    const created = await draftApplication(api, callId);
    for (let i = 1; i <= saves; i++) {
      const res = await api
        .http()
        .patch(`/api/applications/${created.id}`)
        .set(bearer(created.token))
        .send({
          title: `Shelter project, version ${i}`,
          budget: [
            { category: 'shelter', description: 'Rent', amount: 1_000_000 + i },
            { category: 'legal_aid', description: 'Lawyers', amount: 300_000 },
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body.requested).toBe(1_300_000 + i);
    }
    return { id: created.id, token: created.token };
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
    callId = await callIn(api, fm, await createFund(api), 'open');
  }, 60_000);
  afterAll(async () => {
    worker?.get(Clock).reset();
    await worker?.close();
    await api?.close();
  });

  it('20 saves give no 20 audit rows; the daily job writes one "edited" summary once the day is over', async () => {
    const { id } = await draftWithSaves(20);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['application.created']);

    // the same day: the job leaves today's tally alone
    await runJob(worker, 'applications.edit-summaries');
    await new Promise((r) => setTimeout(r, 500));
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['application.created']);

    worker.get(Clock).setNow(new Date(Date.now() + 86_400_000));
    await runJob(worker, 'applications.edit-summaries');
    const rows = await waitFor(
      () => auditOf(id),
      (r) => r.length === 2,
    );
    expect(rows.map((r) => r.action)).toEqual(['application.created', 'application.edited']);
    expect(rows[1].summary).toMatchObject({
      day: new Date().toISOString().slice(0, 10),
      saves: 20,
      fields: ['budget', 'title'],
      requested: 1_300_020,
    });
    // run again: nothing more (each day is written once)
    await runJob(worker, 'applications.edit-summaries');
    await new Promise((r) => setTimeout(r, 500));
    expect(await auditOf(id)).toHaveLength(2);
    worker.get(Clock).reset();
  });

  it('a submission writes the day\'s "edited" summary first, then the submission', async () => {
    const { id, token } = await draftWithSaves(3);
    const submitted = await api.http().post(`/api/applications/${id}/submit`).set(bearer(token));
    expect(submitted.status).toBe(200);
    const rows = await auditOf(id);
    expect(rows.map((r) => r.action)).toEqual([
      'application.created',
      'application.edited',
      'application.submitted',
    ]);
    expect(rows[1].summary).toMatchObject({ saves: 3, requested: 1_300_003 });
    // a refused save (the draft is submitted now) counts nothing
    const late = await api.http().patch(`/api/applications/${id}`).set(bearer(token)).send({ title: 'late' });
    expect(late.status).toBe(409);
    const [tally] = await api.db.query(`SELECT saves FROM application_edit_days WHERE application_id = $1`, [
      id,
    ]);
    expect(tally.saves).toBe(3);
  });
});
