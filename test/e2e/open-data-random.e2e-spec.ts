import fc from 'fast-check';
import {
  activitiesXml,
  activityProblems,
  DAC5_SECTORS,
  GrantActivityFacts,
  grantActivity,
  IatiActivity,
  organisationModel,
  organisationProblems,
  organisationXml,
  PublishingSettings,
  SERVICE_LINES,
} from '@app/open-data';
import { transactionsOf, xmllint } from '../setup/iati';

const FUND = {
  id: 'fund',
  code: 'VTF',
  name: 'Trust Fund <for> "Victims" & Survivors',
  currency: 'USD',
  createdAt: new Date('2010-01-01T00:00:00Z'),
};
const COUNTRIES = ['NG', 'KE', 'PH', 'NP', 'MD', 'UA', 'TH', 'BR', 'CO', 'SN'];
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD'];
const day = 86_400_000;

/** A random grant in any state: approved, signed, tranches paid or cancelled, money returned. */
const grantArb: fc.Arbitrary<GrantActivityFacts> = fc
  .record({
    id: fc.uuid(),
    title: fc.string({ minLength: 1, maxLength: 80 }),
    summary: fc.string({ maxLength: 200 }),
    currency: fc.constantFrom(...CURRENCIES),
    countries: fc.array(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 7 }),
    services: fc.array(fc.constantFrom(...SERVICE_LINES), { minLength: 1, maxLength: 6 }),
    approved: fc.integer({ min: Date.UTC(2011, 0, 1), max: Date.UTC(2016, 11, 31) }),
    signAfter: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    tranches: fc.array(fc.integer({ min: 1, max: 5_000_000_000 }), { minLength: 1, maxLength: 4 }),
    paid: fc.integer({ min: 0, max: 4 }),
    cancelRest: fc.boolean(),
    returnShare: fc.integer({ min: 0, max: 100 }),
    sensitive: fc.boolean(),
    orgName: fc.string({ minLength: 1, maxLength: 60 }),
    registration: fc.stringMatching(/^[A-Z0-9-]{0,12}$/),
  })
  .map((r) => {
    const approvedAt = new Date(r.approved);
    const signedAt = r.signAfter === null ? null : new Date(r.approved + r.signAfter * day);
    const paidCount = signedAt ? Math.min(r.paid, r.tranches.length) : 0;
    const tranches = r.tranches.map((amount, i) => {
      const paid = i < paidCount;
      const cancelled = !paid && r.cancelRest && signedAt !== null;
      return {
        n: i + 1,
        amount,
        state: paid ? ('paid' as const) : cancelled ? ('cancelled' as const) : ('due' as const),
        paidAt: paid && signedAt ? new Date(signedAt.getTime() + i * 30 * day) : null,
        cancelledAt: cancelled && signedAt ? new Date(signedAt.getTime() + 200 * day) : null,
      };
    });
    const paid = tranches.filter((t) => t.state === 'paid').reduce((s, t) => s + t.amount, 0);
    const cancelled = tranches.filter((t) => t.state === 'cancelled').reduce((s, t) => s + t.amount, 0);
    const returned = Math.floor((paid * r.returnShare) / 100 / 10);
    const closedAt =
      signedAt && (cancelled > 0 || paid > 0) ? new Date(signedAt.getTime() + 300 * day) : null;
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      currency: r.currency,
      amount: r.tranches.reduce((s, a) => s + a, 0),
      cancelled,
      paid,
      returned,
      status: closedAt ? (paid === 0 ? 'cancelled' : 'closed') : 'active',
      countries: r.countries,
      services: r.services,
      approvedAt,
      signedAt,
      closedAt,
      createdAt: approvedAt,
      organization: { name: r.orgName, registrationNumber: r.registration, country: 'NG' },
      tranches,
      returns:
        returned > 0 && signedAt
          ? [
              {
                id: `r-${r.id}`,
                amount: returned,
                effectiveAt: new Date(signedAt.getTime() + 250 * day),
                createdAt: new Date(signedAt.getTime() + 251 * day),
              },
            ]
          : [],
      sensitive: r.sensitive,
      sensitiveAt: r.sensitive ? new Date(r.approved + day) : null,
    } satisfies GrantActivityFacts;
  });

const settingsArb: fc.Arbitrary<PublishingSettings & { iatiOrgRef: string }> = fc.record({
  iatiOrgRef: fc.constant('XM-DAC-41301'),
  iatiOrgType: fc.constantFrom('40', '10', '21'),
  sectors: fc.dictionary(fc.constantFrom(...SERVICE_LINES), fc.constantFrom(...Object.keys(DAC5_SECTORS))),
  sensitivePolicy: fc.constantFrom('exclude' as const, 'redact' as const),
  updatedAt: fc.constant(null),
});

/**
 * Issue 19: generated random grants (any mix of states, currencies with 0, 2 and 3 decimals, several
 * countries and services, cancelled tranches, returns, sensitive grants, text with markup characters)
 * give activity and organisation files that xmllint validates against the official IATI 2.03 schemas, that
 * break none of the Standard's own rules, whose transactions are the grants' money, and that are the same
 * bytes when built again. No server: the model and writer are pure.
 */
describe('open data: IATI files of random grants', () => {
  it('validate with xmllint, follow the rules and add up, for 25 random funds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(grantArb, { minLength: 1, maxLength: 12, selector: (g) => g.id }),
        settingsArb,
        (grants, settings) => {
          const generated = new Date(Date.UTC(2017, 0, 1));
          const activities = grants
            .map((g) => grantActivity(g, FUND, settings))
            .filter((a): a is IatiActivity => a !== null)
            .sort((a, b) => (a.identifier < b.identifier ? -1 : 1));
          const published = grants.filter((g) => !g.sensitive || settings.sensitivePolicy === 'redact');
          expect(activities).toHaveLength(published.length);
          if (!activities.length) return; // the service refuses an empty file (OPEN_DATA.NO_PUBLIC_ACTIVITIES)
          const xml = activitiesXml(activities, generated);
          const lint = xmllint(xml, 'activities');
          if (!lint.ok) throw new Error(lint.output);
          expect(activities.flatMap(activityProblems)).toEqual([]);
          expect(activitiesXml(activities, generated)).toBe(xml);

          const tx = transactionsOf(xml);
          for (const g of published) {
            const mine = tx.filter((t) => t.activity.endsWith(g.id));
            const sum = (type: string, sign: number) =>
              mine
                .filter((t) => t.type === type && Math.sign(t.value) === sign)
                .reduce((s, t) => s + t.value, 0);
            expect(sum('2', 1) + sum('2', -1)).toBe(g.amount - g.cancelled);
            expect(sum('3', 1)).toBe(g.paid);
            expect(0 - sum('3', -1)).toBe(g.returned);
          }

          const org = organisationModel(FUND, settings, grants, generated);
          expect(organisationProblems(org)).toEqual([]);
          const orgLint = xmllint(organisationXml(org, generated), 'organisation');
          if (!orgLint.ok) throw new Error(orgLint.output);
        },
      ),
      { numRuns: 25, seed: 19 },
    );
  });
});
