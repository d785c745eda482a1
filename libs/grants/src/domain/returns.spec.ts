import { pscReleasedOnReturn } from './returns';

describe('PSC released on returns', () => {
  it('issue 11 item 4: two 50-cent returns at 13% release 7 then 6, as one 100-cent return releases 13', () => {
    const first = pscReleasedOnReturn({
      returnedBefore: 0,
      amount: 50,
      rateBps: 1300,
      releasedBefore: 0,
      charged: 1000,
    });
    const second = pscReleasedOnReturn({
      returnedBefore: 50,
      amount: 50,
      rateBps: 1300,
      releasedBefore: first,
      charged: 1000,
    });
    expect([first, second]).toEqual([7, 6]);
    expect(
      pscReleasedOnReturn({
        returnedBefore: 0,
        amount: 100,
        rateBps: 1300,
        releasedBefore: 0,
        charged: 1000,
      }),
    ).toBe(13);
  });

  it.each([
    ['never more than the PSC charged and not yet released', 0, 1_000, 1300, 0, 100, 100],
    ['nothing at a rate of 0', 0, 1_000, 0, 0, 0, 0],
    ['a second cent at 50% releases nothing once the first was rounded up', 1, 1, 5000, 1, 10, 0],
  ])('%s', (_name, returnedBefore, amount, rateBps, releasedBefore, charged, expected) => {
    expect(pscReleasedOnReturn({ returnedBefore, amount, rateBps, releasedBefore, charged })).toBe(expected);
  });
});
