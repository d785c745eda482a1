import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface ForecastPoint {
  name: string;
  /** the available balance as it was (history months) */
  actual?: number;
  /** the forecast median, and the 10-90% band */
  p50?: number;
  band?: [number, number];
}

/**
 * The available balance's history continued by the forecast: the median as a dashed line, the 10-90% band
 * shaded, the target as a reference line. An image with a label; the same figures are in the table beside it.
 */
export default function ForecastChart({
  data,
  label,
  names,
  rtl,
  target,
  format,
  formatTick,
}: {
  data: ForecastPoint[];
  label: string;
  names: { actual: string; p50: string; band: string; target: string };
  rtl: boolean;
  target: number;
  format: (value: number) => string;
  formatTick: (value: number) => string;
}) {
  return (
    <div role="img" aria-label={label} style={{ inlineSize: '100%', blockSize: '100%' }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 16, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" reversed={rtl} tick={{ fill: '#343a40' }} minTickGap={16} />
          <YAxis
            orientation={rtl ? 'right' : 'left'}
            tickFormatter={(v: number) => formatTick(v)}
            tick={{ fill: '#343a40' }}
            width={72}
            domain={[0, (max: number) => Math.max(max, target)]}
          />
          <Tooltip
            itemStyle={{ color: '#212529' }}
            formatter={(v) =>
              Array.isArray(v) ? v.map((x) => format(Number(x))).join(' – ') : format(Number(v))
            }
          />
          <Legend formatter={(value: string) => <span style={{ color: '#212529' }}>{value}</span>} />
          <Area
            dataKey="band"
            name={names.band}
            stroke="none"
            fill="#74c0fc"
            fillOpacity={0.45}
            isAnimationActive={false}
          />
          <Line
            dataKey="actual"
            name={names.actual}
            stroke="#1d5fa3"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="p50"
            name={names.p50}
            stroke="#0b3d6e"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={target}
            stroke="#a61e4d"
            strokeDasharray="6 3"
            label={{ value: names.target, fill: '#a61e4d', position: 'insideTopRight' }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
