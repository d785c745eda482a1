import { toGrantView } from './grant.views';
import type { Grant } from './repositories/grants.repository';
import type { Tranche } from './repositories/tranches.repository';

const at = new Date('2015-03-01T00:00:00Z');

const grant: Grant = {
  id: 'g1',
  applicationId: 'a1',
  callId: 'c1',
  fundId: 'f1',
  organizationId: 'o1',
  title: 'Shelter',
  countries: ['NG'],
  services: ['shelter'],
  currency: 'USD',
  amount: 2_000_000,
  pscRateBps: 1300,
  psc: 260_000,
  paid: 1_200_000,
  cancelled: 300_000,
  returned: 50_000,
  pscReleased: 6_500,
  status: 'active',
  note: '',
  approvedAt: at,
  signedAt: at,
  closedAt: null,
  createdAt: at,
  workflow: 'simple',
  offerState: null,
};

const tranche = (n: number, state: Tranche['state'], dueAt: Date | null): Tranche => ({
  grantId: 'g1',
  n,
  percent: 50,
  amount: 1_000_000,
  psc: 130_000,
  condition: n === 1 ? 'on_signature' : 'after_report',
  state,
  dueAt,
  paidAt: state === 'paid' ? at : null,
  reference: null,
});

describe('the grant view', () => {
  const view = toGrantView(grant, [tranche(1, 'paid', at), tranche(2, 'scheduled', null)], [], []);

  it('commits the award less what was cancelled and owes the committed less what was paid', () => {
    expect(view.committed).toBe(1_700_000);
    expect(view.outstanding).toBe(500_000);
    expect(view.disbursed).toBe(view.paid);
  });

  it('lists as payments the paid tranches only', () => {
    expect(view.payments.map((p) => p.n)).toEqual([1]);
  });

  it('gives a tranche a due date only once it has one', () => {
    expect(view.tranches[0].dueBy).toEqual(at);
    expect('dueBy' in view.tranches[1]).toBe(false);
  });

  it('is signed when it has a signature date', () => {
    expect(view.signed).toBe(true);
    expect(toGrantView({ ...grant, signedAt: null }, [], [], []).signed).toBe(false);
  });
});
