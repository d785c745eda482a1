import { conditionLines, specialConditions } from './special-conditions';

describe('special conditions by risk level', () => {
  it('a high risk brings quarterly reports, a spot check before the second tranche, visits and receipts', () => {
    const en = conditionLines(specialConditions('high', 3), 'en');
    expect(en).toEqual([
      'Narrative and financial reports are due every 3 months, on the report schedule.',
      'A spot check takes place before the second tranche is paid.',
      'The fund makes a monitoring visit for each tranche.',
      'Receipts for every purchase above 5% of the award are sent with the financial report.',
    ]);
    expect(conditionLines(specialConditions('low', 12), 'en')).toHaveLength(2);
  });

  it('prints each condition in the chosen language with English after it', () => {
    const fr = conditionLines(specialConditions('medium', 6), 'fr');
    expect(fr).toHaveLength(4);
    expect(fr[0]).toContain('tous les 6 mois');
    expect(fr[1]).toContain('Narrative and financial reports');
  });

  it.each([
    [1, 'ежемесячно'],
    [3, 'каждые 3 месяца'],
    [6, 'каждые 6 месяцев'],
  ])('states %i months with the Russian plural', (months, text) => {
    expect(conditionLines(specialConditions('high', months), 'ru')[0]).toContain(text);
  });
});
