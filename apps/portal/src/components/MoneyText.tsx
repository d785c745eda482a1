import { formatMoney } from '../lib/format';
import { useLocale } from '../lib/use-locale';

/** An amount of integer minor units in its currency, formatted for the reader's language. */
export function MoneyText({ amount, currency }: { amount: number; currency: string }) {
  const locale = useLocale();
  return <bdi className="ltr-isolate">{formatMoney(amount, currency, locale)}</bdi>;
}
