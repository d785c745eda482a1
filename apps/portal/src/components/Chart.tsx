import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface ChartPoint {
  name: string;
  value: number;
}

/**
 * The portal's one chart: bars or a line of values by name, with an optional horizontal reference line
 * (a target) and marked points (alerts). Values and axis ticks are formatted by the caller (money, counts);
 * the chart is an image with a label, the same figures are always in a table beside it. recharts is its own
 * chunk, loaded only with a chart.
 */
export default function Chart({
  kind,
  data,
  label,
  rtl,
  format,
  formatTick = format,
  reference,
  marks = [],
  axisWidth = 72,
}: {
  kind: 'bar' | 'line';
  data: ChartPoint[];
  label: string;
  rtl: boolean;
  format: (value: number) => string;
  formatTick?: (value: number) => string;
  reference?: { value: number; label: string };
  marks?: { name: string; value: number }[];
  axisWidth?: number;
}) {
  const grid = <CartesianGrid strokeDasharray="3 3" />;
  const x = <XAxis dataKey="name" reversed={rtl} tick={{ fill: '#343a40' }} />;
  const y = (
    <YAxis
      orientation={rtl ? 'right' : 'left'}
      tickFormatter={(v: number) => formatTick(v)}
      tick={{ fill: '#343a40' }}
      width={axisWidth}
      domain={reference ? [0, (max: number) => Math.max(max, reference.value)] : undefined}
    />
  );
  const tip = <Tooltip formatter={(v) => format(Number(v))} />;
  const extras = [
    reference && (
      <ReferenceLine
        key="reference"
        y={reference.value}
        stroke="#a61e4d"
        strokeDasharray="6 3"
        label={{ value: reference.label, fill: '#a61e4d', position: 'insideTopRight' }}
      />
    ),
    ...marks.map((m, i) => (
      <ReferenceDot key={`mark-${i}`} x={m.name} y={m.value} r={6} fill="#e8590c" stroke="#212529" />
    )),
  ];
  const margin = { top: 16, right: 8, bottom: 8, left: 8 };
  return (
    <div role="img" aria-label={label} style={{ inlineSize: '100%', blockSize: '100%' }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === 'bar' ? (
          <BarChart data={data} margin={margin}>
            {grid}
            {x}
            {y}
            {tip}
            <Bar dataKey="value" fill="#1d5fa3" isAnimationActive={false} />
            {extras}
          </BarChart>
        ) : (
          <LineChart data={data} margin={margin}>
            {grid}
            {x}
            {y}
            {tip}
            <Line dataKey="value" stroke="#1d5fa3" strokeWidth={2} isAnimationActive={false} dot />
            {extras}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
