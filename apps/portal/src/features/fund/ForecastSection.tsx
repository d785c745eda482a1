import { Box, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { getFundForecastOptions } from '../../api/@tanstack/react-query.gen';
import type { ForecastView } from '../../api/types.gen';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { formatMoney, formatMoneyCompact, formatMonth } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import type { ForecastPoint } from './ForecastChart';

const ForecastChart = lazy(() => import('./ForecastChart'));

/** The forecast polls slower than the balance: it moves with the month, not with every posting. */
const FORECAST_MS = 30_000;

/**
 * When the fund reaches its new-call target (issue 21, ADR 0016): the answer in words, the balance's history
 * (the last snapshot of each month) continued by the forecast's median and band, and the same figures as a
 * table.
 */
export function ForecastSection({
  fundId,
  history,
}: {
  fundId: string;
  history: { at: string; available: number }[];
}) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const forecast = useQuery({
    ...getFundForecastOptions({ path: { id: fundId } }),
    refetchInterval: FORECAST_MS,
    refetchIntervalInBackground: false,
  });
  const f = forecast.data;
  return (
    <Section id="fund-forecast" title={t('fund.forecast.title')}>
      {forecast.error && <ProblemAlert error={forecast.error} />}
      {!f && forecast.isPending && <Loading />}
      {f && (
        <>
          <Text fw={600} data-testid="forecast-answer">
            {answer(f, (key, values) => t(key, values), locale)}
          </Text>
          {f.series.length > 0 && <Chart f={f} history={history} rtl={i18n.dir() === 'rtl'} />}
          {f.series.length > 0 && <ForecastTable f={f} />}
          {f.status !== 'no_history' && (
            <Text size="sm" mt="xs">
              {t('fund.forecast.method', {
                count: f.method.unpledgedMonthly.length,
                cost: formatMoney(f.method.monthlyCost, f.currency, locale),
              })}
            </Text>
          )}
        </>
      )}
    </Section>
  );
}

function answer(
  f: ForecastView,
  t: (key: string, values?: Record<string, unknown>) => string,
  locale: string,
): string {
  const month = (m: string | null) => (m ? formatMonth(m, locale) : '');
  switch (f.status) {
    case 'no_history':
      return t('fund.forecast.noHistory', { count: f.method.historyMonths });
    case 'reached':
      return t('fund.forecast.reached');
    case 'not_within_horizon':
      return t('fund.forecast.notWithin', {
        share: new Intl.NumberFormat(locale, { style: 'percent' }).format(f.reachedShare),
      });
    default:
      return f.highMonth
        ? t('fund.forecast.expected', {
            month: month(f.expectedMonth),
            low: month(f.lowMonth),
            high: month(f.highMonth),
          })
        : t('fund.forecast.expectedOpen', { month: month(f.expectedMonth), low: month(f.lowMonth) });
  }
}

function Chart({
  f,
  history,
  rtl,
}: {
  f: ForecastView;
  history: { at: string; available: number }[];
  rtl: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // the last snapshot of each month before the forecast's first month, then the forecast's months
  const byMonth = new Map<string, number>();
  for (const p of [...history].sort((a, b) => a.at.localeCompare(b.at)))
    byMonth.set(p.at.slice(0, 7), p.available);
  const first = f.series[0].month;
  const past: ForecastPoint[] = [...byMonth.entries()]
    .filter(([m]) => m < first)
    .map(([m, v]) => ({ name: formatMonth(m, locale), actual: v }));
  // the line of the past joins the forecast at today's balance
  const now: ForecastPoint = {
    name: t('fund.forecast.now'),
    actual: f.available,
    p50: f.available,
    band: [f.available, f.available],
  };
  const future: ForecastPoint[] = f.series.map((m) => ({
    name: formatMonth(m.month, locale),
    p50: m.p50,
    band: [m.p10, m.p90],
  }));
  return (
    <Box h={320} mt="sm" data-testid="forecast-chart" data-points={future.length}>
      <Suspense fallback={<Loading />}>
        <ForecastChart
          data={[...past, now, ...future]}
          label={t('fund.forecast.chart')}
          names={{
            actual: t('fund.forecast.history'),
            p50: t('fund.forecast.median'),
            band: t('fund.forecast.band'),
            target: t('fund.history.target'),
          }}
          rtl={rtl}
          target={f.target}
          format={(v) => formatMoney(v, f.currency, locale)}
          formatTick={(v) => formatMoneyCompact(v, f.currency, locale)}
        />
      </Suspense>
    </Box>
  );
}

function ForecastTable({ f }: { f: ForecastView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (n: number) => <MoneyText amount={n} currency={f.currency} />;
  return (
    <div className="table-scroll">
      <Table striped withTableBorder captionSide="top" mt="sm" data-testid="forecast-table">
        <caption>{t('fund.forecast.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fund.forecast.month')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('fund.forecast.p10')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('fund.forecast.p50')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('fund.forecast.p90')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('fund.forecast.pledges')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {f.series.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Th scope="row" fw={400}>
                <bdi>{formatMonth(m.month, locale)}</bdi>
              </Table.Th>
              <Table.Td ta="end">{money(m.p10)}</Table.Td>
              <Table.Td ta="end">{money(m.p50)}</Table.Td>
              <Table.Td ta="end">{money(m.p90)}</Table.Td>
              <Table.Td ta="end">{money(m.pledges)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
