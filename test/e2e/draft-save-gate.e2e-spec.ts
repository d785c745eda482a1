import { fitProblems } from '@app/applications';
import { Api, startApi, userWithRoles } from '../setup/harness';
import { callIn, createFund, draftApplication, verifiedNgo } from '../factories/grant-cycle';

const COUNTRIES = ['NG', 'KE', 'PH', 'FR', 'BR'];
const THEMES = ['shelter', 'legal_aid', 'psychological_support', 'education_training', 'health_care'];
const ROLLBACK = new Error('rollback');

/** A small seeded generator, so a failing case can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const some = <T>(xs: readonly T[], atLeast = 0): T[] => {
    const out = xs.filter(() => next() < 0.5);
    return out.length >= atLeast ? out : [xs[0]];
  };
  return { next, pick, some };
}

/**
 * The draft save's one-round-trip function (`application_draft_save`, ADR 0021) gates each save with the
 * rules ApplicationsService names (owner, draft, call accepting, deadline, `fitProblems`). The two must
 * agree: a save the gate lets through that the rules refuse would be written; one it refuses that they
 * allow would only cost a second round trip. Random drafts, calls and changes, each tried in a
 * transaction that is rolled back.
 */
describe('draft save: the function gate agrees with the rules', () => {
  let api: Api;
  let draftId: string;
  let callId: string;
  let owner: string;
  let other: string;

  beforeAll(async () => {
    api = await startApi();
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    const fundId = await createFund(api);
    callId = await callIn(api, fm, fundId, 'open');
    ({ id: draftId, organizationId: owner } = await draftApplication(api, callId));
    other = (await verifiedNgo(api, 'KE')).organizationId;
  }, 60_000);
  afterAll(() => api.close());

  it('writes exactly when the rules allow the save, over 400 random cases', async () => {
    const r = random(20261202);
    const at = new Date('2027-03-01T12:00:00Z');
    let allowed = 0;
    for (let i = 0; i < 400; i += 1) {
      const call = {
        status: r.pick(['draft', 'published', 'open', 'open', 'open', 'closed', 'under_review']),
        deadline: new Date(at.getTime() + r.pick([-60_000, -1, 0, 1, 3_600_000, 3_600_000])),
        themes: r.some(THEMES, 1),
        eligibleCountries: r.some(COUNTRIES, 1),
        minAward: r.pick([1, 1_000_000, 1_500_000]),
        maxAward: r.pick([1_500_000, 2_000_000, 3_000_000]),
      };
      // mostly within the call's terms, so that both sides of the gate are tried often
      const countries = () => r.some(r.next() < 0.7 ? call.eligibleCountries : COUNTRIES, 1);
      const services = () => r.some(r.next() < 0.7 ? call.themes : THEMES, 1);
      const draft = {
        status: r.pick(['draft', 'draft', 'draft', 'submitted', 'withdrawn']),
        countries: countries(),
        services: services(),
        requested: r.pick([999_999, 1_000_000, 1_500_000, 2_000_000, 3_000_000, 3_000_001]),
      };
      const change = {
        countries: r.next() < 0.5 ? countries() : null,
        services: r.next() < 0.5 ? services() : null,
        requested: r.next() < 0.5 ? r.pick([1_000_000, 1_500_000, 2_000_000, 3_000_001]) : null,
        organizationId: r.next() < 0.9 ? owner : other,
      };
      const rules =
        change.organizationId === owner &&
        draft.status === 'draft' &&
        (call.status === 'published' || call.status === 'open') &&
        at < call.deadline &&
        fitProblems(call, {
          countries: change.countries ?? draft.countries,
          services: change.services ?? draft.services,
          requested: change.requested ?? draft.requested,
        }).length === 0;
      if (rules) allowed += 1;

      let written: boolean | undefined;
      await api.db
        .transaction(async (em) => {
          await em.query(
            `UPDATE calls SET status = $2, deadline = $3, themes = $4, eligible_countries = $5, min_award = $6,
               max_award = $7 WHERE id = $1`,
            [
              callId,
              call.status,
              call.deadline,
              call.themes,
              call.eligibleCountries,
              call.minAward,
              call.maxAward,
            ],
          );
          await em.query(
            `UPDATE applications SET status = $2, countries = $3, services = $4, requested = $5,
               submitted_at = CASE WHEN $2 = 'submitted' THEN now() END WHERE id = $1`,
            [draftId, draft.status, draft.countries, draft.services, draft.requested],
          );
          const rows: { id: string; requested: string; countries: string[] }[] = await em.query(
            `SELECT * FROM application_draft_save($1, $2, $3, 'Title', NULL, $4, $5, NULL, NULL, NULL, NULL,
               $6, '{title}', NULL, NULL)`,
            [draftId, change.organizationId, at, change.countries, change.services, change.requested],
          );
          written = rows.length === 1;
          const [stored] = await em.query(`SELECT title, requested::text FROM applications WHERE id = $1`, [
            draftId,
          ]);
          // refused: nothing written; allowed: the change, and the answer is the stored row
          expect(stored.title === 'Title').toBe(written);
          if (written) {
            expect(rows[0].requested).toBe(String(change.requested ?? draft.requested));
            expect(rows[0].countries).toEqual(change.countries ?? draft.countries);
          }
          throw ROLLBACK;
        })
        .catch((error) => {
          if (error !== ROLLBACK) throw error;
        });
      if (written !== rules) {
        throw new Error(
          `case ${i}: gate ${written ? 'wrote' : 'refused'}, rules ${rules ? 'allow' : 'refuse'}: ` +
            JSON.stringify({
              call,
              draft,
              change: { ...change, organizationId: change.organizationId === owner },
            }),
        );
      }
    }
    // both sides of the gate were exercised
    expect(allowed).toBeGreaterThan(20);
    expect(allowed).toBeLessThan(380);
  });
});
