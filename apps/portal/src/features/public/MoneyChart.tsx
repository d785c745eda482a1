import Chart from '../../components/Chart';
import { formatMoney, formatMoneyCompact } from '../../lib/format';

/** Bars of money (received, granted) in minor units: the shared chart with money. */
export default function MoneyChart({
  data,
  currency,
  locale,
  rtl,
  label,
}: {
  data: { name: string; amount: number }[];
  currency: string;
  locale: string;
  rtl: boolean;
  label: string;
}) {
  return (
    <Chart
      kind="bar"
      data={data.map((d) => ({ name: d.name, value: d.amount }))}
      label={label}
      rtl={rtl}
      format={(v) => formatMoney(v, currency, locale)}
      formatTick={(v) => formatMoneyCompact(v, currency, locale)}
    />
  );
}
