import { checkBank } from './bank';

const base = { holder: 'Al Nour Relief', bankName: 'Bank', accountNumber: null, country: 'DE' };

describe('checkBank', () => {
  it('accepts a valid IBAN and BIC, stored in electronic form', () => {
    const { bank, problems } = checkBank({ ...base, bic: 'deut de ff', iban: 'DE89 3704 0044 0532 0130 00' });
    expect(problems).toEqual([]);
    expect(bank).toMatchObject({ iban: 'DE89370400440532013000', bic: 'DEUTDEFF' });
  });

  it('names the field whose check digits or format fail', () => {
    const { problems } = checkBank({ ...base, bic: 'DEUT', iban: 'DE89370400440532013001' });
    expect(problems.map((p) => p.field).sort()).toEqual(['bank.bic', 'bank.iban']);
  });

  it('needs an account number where the country has no IBAN', () => {
    expect(checkBank({ ...base, country: 'NG', bic: 'GTBINGLA', iban: null }).problems).toEqual([
      { field: 'bank.accountNumber', messages: ['accountNumber is required without an IBAN'] },
    ]);
    expect(
      checkBank({ ...base, country: 'NG', bic: 'GTBINGLA', iban: null, accountNumber: '0123456789' })
        .problems,
    ).toEqual([]);
  });
});
