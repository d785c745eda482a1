import { reportingBlock } from './reporting';

const at = new Date('2026-12-01T00:00:00Z');
const full = { status: 'active' as const, workflow: 'full' as const, offerState: 'accepted', signedAt: at };

describe('reportingBlock', () => {
  it('opens reporting on an active simple-workflow grant, signed or not (the contract)', () => {
    expect(
      reportingBlock({ status: 'active', workflow: 'simple', offerState: null, signedAt: null }),
    ).toBeNull();
  });

  it('waits in the full workflow for the accepted offer, then for the countersigned agreement', () => {
    expect(reportingBlock({ ...full, offerState: 'offered', signedAt: null })).toBe('offer_not_accepted');
    expect(reportingBlock({ ...full, signedAt: null })).toBe('agreement_not_signed');
    expect(reportingBlock(full)).toBeNull();
  });

  it('takes nothing on a closed or cancelled grant', () => {
    expect(reportingBlock({ ...full, status: 'closed' })).toBe('grant_closed');
    expect(reportingBlock({ ...full, status: 'cancelled', offerState: 'declined' })).toBe('grant_cancelled');
  });
});
