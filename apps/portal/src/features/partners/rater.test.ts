import { describe, expect, it } from 'vitest';
import { raterLabel } from './rater';

const ID = '5f0c1e2a-0000-4000-8000-000000000001';

describe('the rater in the risk history', () => {
  it("names a colleague by name, not by id, and the reader as '(you)'", () => {
    expect(raterLabel({ assessedBy: ID, assessedByName: 'Amina Diallo' }, 'someone-else')).toEqual({
      name: 'Amina Diallo',
    });
    expect(raterLabel({ assessedBy: ID, assessedByName: 'Amina Diallo' }, ID)).toEqual({
      key: 'partners.risk.youNamed',
      values: { name: 'Amina Diallo' },
    });
  });

  it('says the system when no one rated, and falls back to a short id only without a name', () => {
    expect(raterLabel({ assessedBy: null, assessedByName: null }, ID)).toEqual({
      key: 'partners.risk.system',
    });
    expect(raterLabel({ assessedBy: ID, assessedByName: null }, undefined)).toEqual({
      key: 'partners.risk.staff',
      values: { id: '5f0c1e2a' },
    });
  });
});
