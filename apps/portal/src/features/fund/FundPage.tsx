import { Anchor, Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import {
  getFundBalanceOptions,
  getFundOptions,
  getFundWorkOptions,
  listFundAlertsOptions,
  listFundBalanceHistoryOptions,
} from '../../api/@tanstack/react-query.gen';
import { FigureTable } from '../../components/FigureTable';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { formatMoney, formatMoneyCompact } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { ForecastSection } from './ForecastSection';
import { FundLogo } from './FundLogo';
import { majorUnits, progressParts } from './progress';

const Chart = lazy(() => import('../../components/Chart'));

/** How often the page asks for fresh figures: a change shows within 5 s (ADR 0013). */
export const LIVE_MS = 2_000;

const FIGURES = ['received', 'committed', 'psc', 'costs', 'returned', 'available'] as const;

/** The fund at a glance: progress to the new-call target, the balance, its history, and the work waiting. */
export function FundPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const locale = useLocale();
  const token = useAccessToken();
  const live = { enabled: Boolean(token), refetchInterval: LIVE_MS, refetchIntervalInBackground: false };
  const fund = useQuery({ ...getFundOptions({ path: { id } }), enabled: Boolean(token) });
  const balance = useQuery({ ...getFundBalanceOptions({ path: { id } }), ...live });
  const history = useQuery({
    ...listFundBalanceHistoryOptions({ path: { id }, query: { limit: 50 } }),
    ...live,
  });
  const alerts = useQuery({ ...listFundAlertsOptions({ path: { id }, query: { limit: 50 } }), ...live });
  const work = useQuery({ ...getFundWorkOptions({ path: { id } }), ...live });
  useTitle('fund.pageTitle');
  if (!token) return <Navigate to="/sign-in" replace />;
  const b = balance.data;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
  const points = [...(history.data?.items ?? [])].reverse();
  const crossings = alerts.data?.items ?? [];
  /** Each crossing marked on the snapshot written at or just after it. */
  const markedAt = new Map<string, (typeof crossings)[number]>();
  for (const a of crossings) {
    const at = points.find((p) => new Date(p.at).getTime() >= new Date(a.at).getTime() - 1000);
    if (at) markedAt.set(at.id, a);
  }
  return (
    <Stack gap="lg">
      <Title order={1}>{fund.data ? t('fund.title', { name: fund.data.name }) : t('fund.loading')}</Title>
      {fund.error && <ProblemAlert error={fund.error} />}
      {balance.error && <ProblemAlert error={balance.error} />}
      {!b && balance.isPending && <Loading />}
      {b && (
        <Section id="fund-progress" title={t('fund.progress.title')}>
          <Progress available={b.available} target={b.target} currency={b.currency} locale={locale} />
          <Text size="sm" c="dimmed" mt={4} data-testid="as-of">
            {t('fund.asOf', { time: time(b.asOf) })}
          </Text>
        </Section>
      )}
      {b && (
        <FigureTable
          caption={t('fund.figures.caption')}
          headers={[t('fund.figures.figure'), t('fund.figures.amount')]}
          rows={FIGURES.map((key) => ({
            key,
            label: t(`fund.figures.${key}`),
            value: <MoneyText amount={b[key]} currency={b.currency} />,
          }))}
        />
      )}
      <Section id="fund-work" title={t('fund.work.title')}>
        {work.error && <ProblemAlert error={work.error} />}
        {work.data && (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="work">
            <WorkCount
              label={t('fund.work.toScreen')}
              count={work.data.applicationsToScreen}
              to={`/manage/calls?fund=${id}`}
            />
            <WorkCount
              label={t('fund.work.reviews')}
              count={work.data.reviewsOutstanding}
              to={`/manage/calls?fund=${id}`}
            />
            <WorkCount
              label={t('fund.work.decisions')}
              count={work.data.decisionsToTake}
              to={`/manage/calls?fund=${id}`}
            />
            <WorkCount
              label={t('fund.work.reports')}
              count={work.data.reportsToAccept}
              to={`/manage/grants?fund=${id}`}
            />
            <WorkCount
              label={t('fund.work.tranches')}
              count={work.data.tranchesDue}
              to={`/manage/grants?fund=${id}`}
            />
          </SimpleGrid>
        )}
      </Section>
      {b && (
        <Section id="fund-history" title={t('fund.history.title')}>
          {points.length === 0 ? (
            <Text>{t('fund.history.empty')}</Text>
          ) : (
            <>
              <Box h={280} data-testid="balance-chart" data-points={points.length}>
                <Suspense fallback={<Loading />}>
                  <Chart
                    kind="line"
                    data={points.map((p) => ({ name: time(p.at), value: p.available }))}
                    label={t('fund.history.chart', { count: points.length })}
                    rtl={i18n.dir() === 'rtl'}
                    format={(v) => formatMoney(v, b.currency, locale)}
                    formatTick={(v) => formatMoneyCompact(v, b.currency, locale)}
                    reference={{ value: b.target, label: t('fund.history.target') }}
                    marks={[...markedAt.keys()].flatMap((sid) => {
                      const p = points.find((x) => x.id === sid)!;
                      return [{ name: time(p.at), value: p.available }];
                    })}
                  />
                </Suspense>
              </Box>
              <div className="table-scroll">
                <Table striped withTableBorder captionSide="top" data-testid="history-table">
                  <caption>{t('fund.history.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fund.history.when')}</Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('fund.figures.available')}
                      </Table.Th>
                      <Table.Th scope="col">{t('fund.history.alert')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...points].reverse().map((p) => {
                      const alert = markedAt.get(p.id);
                      return (
                        <Table.Tr key={p.id}>
                          <Table.Th scope="row" fw={400}>
                            <bdi>{time(p.at)}</bdi>
                          </Table.Th>
                          <Table.Td ta="end">
                            <MoneyText amount={p.available} currency={b.currency} />
                          </Table.Td>
                          <Table.Td>
                            {alert ? t(`fund.history.crossed.${alert.direction ?? 'up'}`) : ''}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </div>
            </>
          )}
        </Section>
      )}
      {b && <ForecastSection fundId={id} history={points} />}
      {fund.data && <FundLogo fundId={id} fundName={fund.data.name} hasLogo={fund.data.hasLogo} />}
      <Group gap="md">
        <Anchor component={Link} to={`/manage/calls?fund=${id}`}>
          {t('fund.links.calls')}
        </Anchor>
        <Anchor component={Link} to={`/manage/grants?fund=${id}`}>
          {t('fund.links.grants')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** The progress bar named "Available vs target", with its figures as its value text. */
function Progress({
  available,
  target,
  currency,
  locale,
}: {
  available: number;
  target: number;
  currency: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const parts = progressParts(available, target, currency, locale);
  const text = t('fund.progress.text', parts);
  return (
    <>
      <div
        role="progressbar"
        aria-label={t('fund.progress.name')}
        aria-valuemin={0}
        aria-valuemax={majorUnits(target, currency)}
        aria-valuenow={Math.min(Math.max(0, majorUnits(available, currency)), majorUnits(target, currency))}
        aria-valuetext={text}
        data-testid="fund-progress"
        style={{ blockSize: 20, borderRadius: 4, background: '#e9ecef', border: '1px solid #495057' }}
      >
        <div
          style={{
            blockSize: '100%',
            inlineSize: `${Math.min(1, parts.ratio) * 100}%`,
            background: '#1d5fa3',
            borderRadius: 3,
          }}
        />
      </div>
      <Text fw={600} mt="xs" data-testid="fund-progress-text">
        {text}
      </Text>
    </>
  );
}

function WorkCount({ label, count, to }: { label: string; count: number; to: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xl" fw={700}>
        {count}
      </Text>
      <Anchor component={Link} to={to}>
        {label}
      </Anchor>
    </Paper>
  );
}
