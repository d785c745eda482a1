/**
 * Minor units as the decimal string IATI's `value` takes ("-1234.50"), from integers only: no floating
 * point ever touches the amount.
 */
export function decimalOf(minorUnits: number, exponent: number): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`not an amount in minor units: ${minorUnits}`);
  const sign = minorUnits < 0 ? '-' : '';
  const digits = String(Math.abs(minorUnits));
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * Percentages with two decimals that total exactly 100, one per weight, shared by largest remainder over
 * 10 000 hundredths (so three equal shares are 33.34, 33.33, 33.33).
 */
export function percentages(hundredths: readonly number[]): string[] {
  return hundredths.map((h) =>
    decimalOf(h, 2)
      .replace(/\.00$/, '')
      .replace(/(\.\d)0$/, '$1'),
  );
}
