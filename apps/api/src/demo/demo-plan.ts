/**
 * The demo fund's history as data: who gave what and when, what the fund spent, which projects it funded.
 * The totals are the 2016 figures of docs/domain.md (CTOC/COP/2016/2); every split below them (which donor gave
 * how much in which month, which NGO got which grant) is invented, from a fixed seed, so every run is the
 * same. Pure: no Nest, no database (demo-plan.spec.ts checks that the plan adds up).
 */
import { allocate } from '@app/core';

export const USD = 100; // cents per dollar

/** mulberry32: a small deterministic PRNG (the demo must not depend on Math.random). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_SEED = 20160331;

export const FUND = {
  code: 'VTF',
  name: 'UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children',
  newCallTarget: 500_000 * USD,
  pscRateBps: 1300,
};

/** The figures the history must reproduce (docs/domain.md). */
export const TARGETS = {
  receivedBy20160331: 2_300_000 * USD,
  received2015: 357_701 * USD,
  committed: 1_750_000 * USD,
  available20160331: 50_000 * USD,
  grants: 30,
  countries: 26,
  memberStates: 19,
};

/** Contributions received per calendar year (USD cents); 2016 is January to March. */
export const RECEIVED_BY_YEAR: Readonly<Record<number, number>> = {
  2010: 500_000 * USD,
  2011: 460_000 * USD,
  2012: 280_000 * USD,
  2013: 270_000 * USD,
  2014: 382_299 * USD,
  2015: 357_701 * USD,
  2016: 50_000 * USD,
};

/** Private donors' share of each year's receipts, in percent (the total lands near one third). */
export const PRIVATE_PERCENT = 32;

/** Fund-level costs (no PSC): 2,300,000 - 1,750,000 x 1.13 - 50,000 = 272,500 over the years. */
export const COSTS: readonly { day: string; amount: number; description: string }[] = [
  { day: '2010-09-15', amount: 15_000 * USD, description: 'Set-up of the grant management secretariat' },
  { day: '2011-07-15', amount: 25_000 * USD, description: 'Outreach and selection of the 2011 call' },
  { day: '2012-10-15', amount: 40_000 * USD, description: 'Monitoring visits to 2011 grantees' },
  { day: '2013-10-15', amount: 40_000 * USD, description: 'Monitoring visits and audit of 2011 grantees' },
  { day: '2014-07-15', amount: 30_000 * USD, description: 'Outreach and selection of the 2014 call' },
  { day: '2015-02-16', amount: 20_000 * USD, description: 'Final evaluation of the 2011 grant cycle' },
  { day: '2015-12-15', amount: 60_000 * USD, description: 'Monitoring of the 2014 grant cycle' },
  { day: '2016-02-15', amount: 42_500 * USD, description: 'Mid-term evaluation of the 2014 grant cycle' },
];

/** The 19 member states (real countries; the amounts each gave here are invented). */
export const MEMBER_STATES: readonly { name: string; country: string }[] = [
  { name: 'Norway', country: 'NO' },
  { name: 'Sweden', country: 'SE' },
  { name: 'Germany', country: 'DE' },
  { name: 'United Kingdom', country: 'GB' },
  { name: 'Netherlands', country: 'NL' },
  { name: 'Australia', country: 'AU' },
  { name: 'Qatar', country: 'QA' },
  { name: 'United Arab Emirates', country: 'AE' },
  { name: 'Belarus', country: 'BY' },
  { name: 'Philippines', country: 'PH' },
  { name: 'Israel', country: 'IL' },
  { name: 'Egypt', country: 'EG' },
  { name: 'Japan', country: 'JP' },
  { name: 'Spain', country: 'ES' },
  { name: 'France', country: 'FR' },
  { name: 'Italy', country: 'IT' },
  { name: 'Austria', country: 'AT' },
  { name: 'Switzerland', country: 'CH' },
  { name: 'Portugal', country: 'PT' },
];

/** 32 private-sector donors: invented names. */
export const PRIVATE_DONORS: readonly string[] = [
  'Harbourlight Foundation',
  'Meridian Shipping Group',
  'Kestrel Telecom',
  'Aurora Textiles Cooperative',
  'Blue Lantern Trust',
  'Castellan Hotels',
  'Northwind Logistics',
  'Saffron Street Foundation',
  'Tessellate Software',
  'Granite Bay Insurance',
  'Willowmere Family Fund',
  'Pelican Air Cargo',
  'Copperfield Mining Company',
  'Silverline Bank',
  'Open Hands Society',
  'Quartz Retail Group',
  'Lumen Media Alliance',
  'Orchard Hill Foods',
  'Beacon Street Partners',
  'Atlas Apparel',
  'Evergreen Pharmaceuticals',
  'Starfall Games',
  'Riverstone Foundation',
  'Halcyon Travel',
  'Nimbus Cloud Services',
  'Juniper Legal Aid Trust',
  'Marigold Cosmetics',
  'Summit Engineering',
  'Tidewater Fisheries Council',
  'Cobalt Automotive',
  'Foxglove Philanthropies',
  'Ironbridge Construction',
];

/** The 26 countries where funded projects work (ISO 3166-1 alpha-2). */
export const PROJECT_COUNTRIES: readonly string[] = [
  'NG',
  'GH',
  'KE',
  'UG',
  'ET',
  'NP',
  'BD',
  'IN',
  'KH',
  'TH',
  'PH',
  'VN',
  'ID',
  'MD',
  'UA',
  'AL',
  'RO',
  'BG',
  'MX',
  'GT',
  'HN',
  'CO',
  'BR',
  'PE',
  'EG',
  'MA',
];

export const SERVICES = [
  'shelter',
  'psychological_support',
  'legal_aid',
  'education_training',
  'health_care',
  'stipends',
] as const;

export const RUBRIC = [
  { key: 'relevance', label: 'Relevance to victims of trafficking', weight: 40, maxScore: 10 },
  { key: 'capacity', label: 'Capacity of the organization', weight: 30, maxScore: 5 },
  { key: 'value', label: 'Value for money', weight: 30, maxScore: 5 },
];

export interface PlannedContribution {
  donor: number; // index into member states (type member_state) or private donors
  type: 'member_state' | 'private';
  day: string; // YYYY-MM-DD
  amount: number; // USD cents
}

export interface PlannedApplication {
  org: string;
  country: string;
  services: string[];
  requested: number; // cents
  outcome: 'approve' | 'reject' | 'ineligible';
  expectedVictims: number;
}

export interface PlannedCall {
  year: number;
  title: string;
  envelope: number;
  minAward: number;
  maxAward: number;
  applications: PlannedApplication[];
}

const NAME_A = [
  'Safe',
  'Bright',
  'New',
  'Open',
  'Free',
  'Hope',
  'Dawn',
  'Haven',
  'Bridge',
  'Compass',
  'Anchor',
];
const NAME_B = ['Path', 'Horizon', 'Harbour', 'Circle', 'Roots', 'Light', 'Steps', 'Wings'];
const NAME_C = ['Initiative', 'Network', 'Alliance', 'Association', 'Centre', 'Collective'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Contributions by year: each year's total split into member-state and private parts, then over donors. */
export function plannedContributions(seed = DEMO_SEED): PlannedContribution[] {
  const rnd = prng(seed);
  const out: PlannedContribution[] = [];
  let msNext = 0;
  let pvNext = 0;
  for (const [yearText, total] of Object.entries(RECEIVED_BY_YEAR)) {
    const year = Number(yearText);
    const privatePart = Math.round((total * PRIVATE_PERCENT) / 100 / USD) * USD;
    const parts = [
      { type: 'member_state' as const, amount: total - privatePart, count: year === 2016 ? 3 : 10 },
      { type: 'private' as const, amount: privatePart, count: year === 2016 ? 2 : 8 },
    ];
    // Months received: January-November (decisions come in late November or December), 2016: Jan-March.
    const lastMonth = year === 2016 ? 3 : 11;
    for (const part of parts) {
      const weights = Array.from({ length: part.count }, () => 50 + Math.floor(rnd() * 100));
      // whole dollars, so that each contribution is a round figure in the receipts
      const dollars = allocate(part.amount / USD, weights);
      dollars.forEach((d, i) => {
        const size = part.type === 'member_state' ? MEMBER_STATES.length : PRIVATE_DONORS.length;
        const donor = part.type === 'member_state' ? msNext++ % size : pvNext++ % size;
        const month = 1 + Math.floor((i * lastMonth) / part.count);
        const day = 1 + Math.floor(rnd() * 27);
        out.push({ donor, type: part.type, day: `${year}-${pad(month)}-${pad(day)}`, amount: d * USD });
      });
    }
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}

function orgName(i: number): string {
  return `${NAME_A[i % NAME_A.length]} ${NAME_B[(i * 3) % NAME_B.length]} ${NAME_C[(i * 5) % NAME_C.length]}`;
}

/**
 * The two calls: 2011 funds 14 projects for USD 800,000, 2014 funds 16 projects for USD 950,000; each also
 * has rejected and ineligible applications. Funded projects cover the 26 countries (four twice).
 */
export function plannedCalls(seed = DEMO_SEED): PlannedCall[] {
  const rnd = prng(seed + 1);
  let org = 0;
  let country = 0;
  const call = (year: number, funded: number, committed: number, rejected: number): PlannedCall => {
    const weights = Array.from({ length: funded }, () => 60 + Math.floor(rnd() * 80));
    const thousands = allocate(committed / (1000 * USD), weights);
    const applications: PlannedApplication[] = [];
    const services = (): string[] => {
      const n = 2 + Math.floor(rnd() * 3);
      const start = Math.floor(rnd() * SERVICES.length);
      return Array.from({ length: n }, (_, k) => SERVICES[(start + k) % SERVICES.length]);
    };
    for (const t of thousands) {
      applications.push({
        org: orgName(org++),
        country: PROJECT_COUNTRIES[country++ % PROJECT_COUNTRIES.length],
        services: services(),
        requested: t * 1000 * USD,
        outcome: 'approve',
        expectedVictims: 80 + Math.floor(rnd() * 120),
      });
    }
    for (let i = 0; i < rejected + 2; i++) {
      applications.push({
        org: orgName(org++),
        country: PROJECT_COUNTRIES[Math.floor(rnd() * PROJECT_COUNTRIES.length)],
        services: services(),
        requested: (30 + Math.floor(rnd() * 50)) * 1000 * USD,
        outcome: i < rejected ? 'reject' : 'ineligible',
        expectedVictims: 50 + Math.floor(rnd() * 100),
      });
    }
    // Interleave approved, rejected and ineligible so the intake looks like a real mix.
    const mixed = applications
      .map((a, i) => ({ a, k: (i * 7919) % applications.length }))
      .sort((x, y) => x.k - y.k)
      .map((x) => x.a);
    return {
      year,
      title: `Global call for proposals ${year}: direct assistance to victims of trafficking`,
      envelope: committed,
      minAward: 20_000 * USD,
      maxAward: 100_000 * USD,
      applications: mixed,
    };
  };
  return [call(2011, 14, 800_000 * USD, 4), call(2014, 16, 950_000 * USD, 6)];
}

/** Victims assisted in a year, about 2,000 across the fund, split over grants then over each grant's services. */
export function victimsFor(
  rnd: () => number,
  grants: readonly { services: string[]; expectedVictims: number }[],
): number[][] {
  const total = 1900 + Math.floor(rnd() * 200);
  const perGrant = allocate(
    total,
    grants.map((g) => g.expectedVictims),
  );
  return grants.map((g, i) =>
    allocate(
      perGrant[i],
      g.services.map(() => 1 + Math.floor(rnd() * 4)),
    ).map((n) => Math.max(n, 1)),
  );
}

/**
 * Demo logins, one per role (the passwords and two-factor secrets are public: this is a demo). The staff
 * roles that need two-factor sign-in by default (MFA_REQUIRED_ROLES) come enrolled with a known TOTP
 * secret; `npm run demo:codes` prints their current codes.
 */
export const DEMO_LOGINS: readonly {
  role: string;
  email: string;
  password: string;
  name: string;
  totpSecret?: string;
}[] = [
  {
    role: 'admin',
    email: 'admin@vtf-demo.org',
    password: 'demo-admin-2016',
    name: 'Demo Administrator',
    totpSecret: 'VTFDEMOADMINSECRETVTFDEMOADMINSE',
  },
  {
    role: 'fund_manager',
    email: 'fund.manager@vtf-demo.org',
    password: 'demo-fund-manager-2016',
    name: 'Amina Odhiambo (fund manager)',
    totpSecret: 'VTFDEMOFUNDMANAGERSECRETVTFDEMOF',
  },
  {
    role: 'finance',
    email: 'finance@vtf-demo.org',
    password: 'demo-finance-2016',
    name: 'Lars Kettering (finance)',
    totpSecret: 'VTFDEMOFINANCESECRETVTFDEMOFINAN',
  },
  {
    role: 'reviewer',
    email: 'reviewer@vtf-demo.org',
    password: 'demo-reviewer-2016',
    name: 'Priya Raman (reviewer)',
  },
  { role: 'ngo', email: 'ngo@vtf-demo.org', password: 'demo-ngo-2016', name: 'Grace Mensah (NGO)' },
  { role: 'donor', email: 'donor@vtf-demo.org', password: 'demo-donor-2016', name: 'Donor liaison (Norway)' },
];

/** The two other reviewers (no published password: they log in never, they score in the replay). */
export const OTHER_REVIEWERS = [
  { email: 'reviewer2@vtf-demo.org', name: 'Tomás Herrera (reviewer)' },
  { email: 'reviewer3@vtf-demo.org', name: 'Mei Lin Chao (reviewer)' },
];

export const day = (d: string, hour = 12): Date => new Date(`${d}T${pad(hour)}:00:00.000Z`);
