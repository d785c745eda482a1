import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Horizontal bars for any labelled figures (a report's rows: amounts, shares, counts), the figures
 * themselves always given beside it as a table. recharts is its own chunk, loaded with the chart only;
 * `format` writes the axis and the tooltip (money through the portal's formatter, never a float sum).
 */
export default function BarsChart({
  data,
  label,
  rtl,
  format,
  color = '#1d5fa3',
}: {
  data: { label: string; value: number }[];
  label: string;
  rtl: boolean;
  format: (value: number) => string;
  color?: string;
}) {
  const height = Math.max(160, data.length * 32 + 48);
  return (
    // The SVG is laid out left to right (text anchors would flip in an RTL document); rtl mirrors the axes.
    <div role="img" aria-label={label} style={{ inlineSize: '100%', blockSize: height, direction: 'ltr' }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            reversed={rtl}
            tickFormatter={format}
            tick={{ fill: '#343a40', fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="label"
            orientation={rtl ? 'right' : 'left'}
            width={120}
            tick={{ fill: '#343a40', fontSize: 12 }}
          />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Bar dataKey="value" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
