import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, formatMoneyCompact } from '../../lib/format';

/** Bars of money (received, granted) in minor units; recharts is its own chunk, loaded with this chart. */
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
    <div role="img" aria-label={label} style={{ inlineSize: '100%', blockSize: '100%' }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" reversed={rtl} tick={{ fill: '#343a40' }} />
          <YAxis
            orientation={rtl ? 'right' : 'left'}
            tickFormatter={(v: number) => formatMoneyCompact(v, currency, locale)}
            tick={{ fill: '#343a40' }}
            width={72}
          />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency, locale)} />
          <Bar dataKey="amount" fill="#1d5fa3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
