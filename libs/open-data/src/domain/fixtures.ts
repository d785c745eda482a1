import type { FundFacts, GrantActivityFacts, PublishingSettings } from './facts';

/** Facts for the specs: a fund, its settings and a grant with every kind of money movement. */
export const FUND: FundFacts = {
  id: 'fund-1',
  code: 'VTF',
  name: 'Trust Fund & <Partners>',
  currency: 'USD',
  createdAt: new Date('2011-01-01T00:00:00Z'),
};

export const SETTINGS: PublishingSettings & { iatiOrgRef: string } = {
  iatiOrgRef: 'XM-DAC-41301',
  iatiOrgType: '40',
  sectors: {},
  sensitivePolicy: 'exclude',
  updatedAt: null,
};

export function grantFacts(over: Partial<GrantActivityFacts> = {}): GrantActivityFacts {
  return {
    id: '0b9f0c9e-1111-4222-8333-444455556666',
    title: 'Shelter and counselling',
    summary: 'Safe shelter for survivors',
    currency: 'USD',
    amount: 1_000_001,
    cancelled: 300_000,
    paid: 700_001,
    returned: 1_000,
    status: 'closed',
    countries: ['NG', 'GH', 'KE'],
    services: ['shelter', 'stipends', 'legal_aid'],
    approvedAt: new Date('2015-03-01T10:00:00Z'),
    signedAt: new Date('2015-03-10T10:00:00Z'),
    closedAt: new Date('2016-03-01T00:00:00Z'),
    createdAt: new Date('2015-03-01T10:00:00Z'),
    organization: { name: 'Hope House', registrationNumber: 'RC-1', country: 'NG' },
    tranches: [
      { n: 1, amount: 700_001, state: 'paid', paidAt: new Date('2015-03-11T00:00:00Z'), cancelledAt: null },
      {
        n: 2,
        amount: 300_000,
        state: 'cancelled',
        paidAt: null,
        cancelledAt: new Date('2016-02-01T00:00:00Z'),
      },
    ],
    returns: [
      {
        id: 'r1',
        amount: 1_000,
        effectiveAt: new Date('2016-02-15T00:00:00Z'),
        createdAt: new Date('2016-02-16T00:00:00Z'),
      },
    ],
    sensitive: false,
    sensitiveAt: null,
    ...over,
  };
}
