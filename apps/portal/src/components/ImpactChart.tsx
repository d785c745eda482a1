import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../lib/format';

/** Bars of victims assisted by year; recharts is its own chunk, loaded only with this chart. */
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
    <div role="img" aria-label={label} style={{ inlineSize: '100%', blockSize: '100%' }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" reversed={rtl} tick={{ fill: '#343a40' }} />
          <YAxis
            orientation={rtl ? 'right' : 'left'}
            tickFormatter={(v: number) => formatNumber(v, locale)}
            tick={{ fill: '#343a40' }}
            width={64}
          />
          <Tooltip formatter={(v) => formatNumber(Number(v), locale)} />
          <Bar dataKey="count" fill="#1d5fa3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
