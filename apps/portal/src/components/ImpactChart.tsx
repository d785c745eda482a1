import { formatNumber } from '../lib/format';
import Chart from './Chart';

/** Bars of victims assisted by year: the shared chart with counts. */
export default function ImpactChart({
  data,
  locale,
  rtl,
  label,
}: {
  data: { year: string; count: number }[];
  locale: string;
  rtl: boolean;
  label: string;
}) {
  return (
    <Chart
      kind="bar"
      data={data.map((d) => ({ name: d.year, value: d.count }))}
      label={label}
      rtl={rtl}
      format={(v) => formatNumber(v, locale)}
      axisWidth={64}
    />
  );
}
