import { coalesce, OutboxRow } from './outbox.relay';

const row = (id: string, name: string, payload: Record<string, unknown>): OutboxRow => ({
  id,
  name,
  payload,
});

describe('outbox coalescing', () => {
  it('keeps the last balance event per fund and every other event, in order', () => {
    const rows = [
      row('1', 'funds.balance-changed', { fundId: 'a', postingId: 'p1' }),
      row('2', 'donors.contribution-received', { contributionId: 'c1' }),
      row('3', 'funds.balance-changed', { fundId: 'b', postingId: 'p2' }),
      row('4', 'funds.balance-changed', { fundId: 'a', postingId: 'p3' }),
      row('5', 'donors.contribution-received', { contributionId: 'c2' }),
    ];
    expect(coalesce(rows).map((r) => r.id)).toEqual(['2', '3', '4', '5']);
  });

  it('leaves events that are not coalescible alone', () => {
    const rows = [row('1', 'grants.changed', { grantId: 'g' }), row('2', 'grants.changed', { grantId: 'g' })];
    expect(coalesce(rows).map((r) => r.id)).toEqual(['1', '2']);
  });
});
