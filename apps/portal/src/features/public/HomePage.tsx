import { Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FigureTable } from '../../components/FigureTable';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { countValue, formatCount, formatMoney, formatNumber } from '../../lib/format';
import { directionOf } from '../../lib/i18n/locales';
import { callsQuery, publicImpactQuery, publicSummaryQuery } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { useVisible } from '../../lib/use-visible';

const ImpactChart = lazy(() => import('../../components/ImpactChart'));
const MoneyChart = lazy(() => import('./MoneyChart'));

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm">{label}</Text>
      <Text fz={32} fw={700} c="un.8">
        {value}
      </Text>
    </Paper>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useTitle('home.title');
  const byYear = useQuery(publicImpactQuery({ query: { groupBy: 'year' } }));
  const byCountry = useQuery(publicImpactQuery({ query: { groupBy: 'country' } }));
  const open = useQuery(callsQuery({ query: { status: 'open', limit: 500 } }));
  const summary = useQuery(publicSummaryQuery());
  const money = summary.data
    ? [
        { key: 'received', name: t('home.received'), amount: summary.data.received },
        { key: 'granted', name: t('home.granted'), amount: summary.data.committed },
      ]
    : [];
  const years = (byYear.data?.items ?? []).map((r) => ({
    year: String(r.year),
    count: countValue(r.victimsAssisted),
  }));
  const dash = '—';
  const [chartBox, showChart] = useVisible();
  const [moneyBox, showMoney] = useVisible();
  const usd = (minor: number) => formatMoney(minor, summary.data?.currency ?? 'USD', locale);
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Text size="lg">{t('home.intro')}</Text>
      <Section id="what" title={t('home.whatTitle')}>
        <List spacing="xs">
          <List.Item>{t('home.whatCalls')}</List.Item>
          <List.Item>{t('home.whatReview')}</List.Item>
          <List.Item>{t('home.whatGrants')}</List.Item>
        </List>
        <Button component={Link} to="/calls" mt="md">
          {t('home.seeCalls')}
        </Button>
      </Section>
      <Section id="figures" title={t('home.figuresTitle')}>
        {byYear.error && <ProblemAlert error={byYear.error} onRetry={() => void byYear.refetch()} />}
        {summary.error && <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('home.received')} value={summary.data ? usd(summary.data.received) : dash} />
          <Figure label={t('home.granted')} value={summary.data ? usd(summary.data.committed) : dash} />
          <Figure
            label={t('home.victimsAssisted')}
            value={
              summary.data
                ? formatCount(summary.data.victimsAssisted, locale, (limit) =>
                    t('impact.fewerThan', { count: limit }),
                  )
                : dash
            }
          />
          <Figure
            label={t('home.openCalls')}
            value={open.data ? formatNumber(open.data.items.length, locale) : dash}
          />
          <Figure
            label={t('home.countriesReached')}
            value={byCountry.data ? formatNumber(byCountry.data.items.length, locale) : dash}
          />
        </SimpleGrid>
      </Section>
      <Section id="money" title={t('home.moneyTitle')}>
        <Text>{t('home.moneyIntro')}</Text>
        {summary.isPending && <Loading />}
        {money.length > 0 && (
          <>
            <div ref={moneyBox} className="chart">
              {showMoney && (
                <Suspense fallback={<Loading />}>
                  <MoneyChart
                    data={money}
                    currency={summary.data?.currency ?? 'USD'}
                    locale={locale}
                    rtl={directionOf(locale) === 'rtl'}
                    label={t('home.moneyTitle')}
                  />
                </Suspense>
              )}
            </div>
            <FigureTable
              caption={t('home.moneyCaption')}
              headers={[t('home.moneyWhat'), t('home.amountUsd')]}
              rows={money.map((r) => ({
                key: r.key,
                label: r.name,
                value: <MoneyText amount={r.amount} currency={summary.data?.currency ?? 'USD'} />,
              }))}
            />
          </>
        )}
      </Section>
      <Section id="by-year" title={t('home.chartTitle')}>
        {byYear.isPending && <Loading />}
        {byYear.data && years.length === 0 && <Text>{t('home.noFigures')}</Text>}
        {years.length > 0 && (
          <>
            <div ref={chartBox} className="chart">
              {showChart && (
                <Suspense fallback={<Loading />}>
                  <ImpactChart
                    data={years}
                    locale={locale}
                    rtl={directionOf(locale) === 'rtl'}
                    label={t('home.chartTitle')}
                  />
                </Suspense>
              )}
            </div>
            <FigureTable
              caption={t('home.tableCaption')}
              headers={[t('home.year'), t('home.victimsAssisted')]}
              rows={years.map((r) => ({ key: r.year, label: r.year, value: formatNumber(r.count, locale) }))}
            />
          </>
        )}
      </Section>
    </Stack>
  );
}
