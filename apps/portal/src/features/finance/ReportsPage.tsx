import { Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiUrl } from '../../lib/download';
import { countryName, formatMoneyCompact, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import {
  contributionsReportQuery,
  FILE_PATHS,
  type FundView,
  grantsReportQuery,
  impactReportQuery,
} from './finance-api';
import { ReportBlock } from './ReportBlock';
import { RequireFinance } from './RequireFinance';
import { FundPicker, useFund } from './use-fund';

function Exports({ path, query, name }: { path: string; query: Record<string, string>; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DownloadButton url={apiUrl(path, {}, { ...query, format: 'csv' })} fallbackName={`${name}.csv`}>
        {t('finance.download.csv')}
      </DownloadButton>
      <DownloadButton url={apiUrl(path, {}, { ...query, format: 'xlsx' })} fallbackName={`${name}.xlsx`}>
        {t('finance.download.xlsx')}
      </DownloadButton>
    </>
  );
}

function ContributionsReport({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [group, setGroup] = useState('donor');
  const report = useQuery({
    ...contributionsReportQuery({ query: { fundId: fund.id, groupBy: group, format: 'json' } }),
    placeholderData: keepPreviousData,
  });
  const label = (r: NonNullable<typeof report.data>['items'][number]) =>
    group === 'donor'
      ? (r.donorName ?? '—')
      : group === 'donorType'
        ? t(`finance.donorTypes.${r.donorType}`)
        : String(r.year);
  return (
    <ReportBlock
      id="report-contributions"
      title={t('finance.reports.contributions')}
      groups={['donor', 'donorType', 'year'].map((g) => ({ value: g, label: t(`finance.reports.by.${g}`) }))}
      group={group}
      onGroup={setGroup}
      headers={[
        t(`finance.reports.by.${group}`),
        t('finance.contributions.amount'),
        t('finance.reports.count'),
        t('finance.reports.share'),
      ]}
      rows={report.data?.items.map((r, i) => ({
        key: `${r.donorId ?? r.donorType ?? r.year ?? i}`,
        label: label(r),
        value: r.amount,
        cells: [
          <MoneyText key="a" amount={r.amount} currency={report.data.currency} />,
          formatNumber(r.count, locale),
          new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r.share),
        ],
      }))}
      total={
        report.data && (
          <>
            {t('finance.reports.total')}:{' '}
            <MoneyText amount={report.data.total} currency={report.data.currency} />
          </>
        )
      }
      format={(v) => formatMoneyCompact(v, fund.currency, locale)}
      downloads={
        <Exports
          path={FILE_PATHS.contributionsReport}
          query={{ fundId: fund.id, groupBy: group }}
          name={`contributions-${group}`}
        />
      }
      error={report.error}
      pending={report.isPending}
    />
  );
}

function GrantsReport({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [group, setGroup] = useState('country');
  const report = useQuery({
    ...grantsReportQuery({ query: { fundId: fund.id, groupBy: group, format: 'json' } }),
    placeholderData: keepPreviousData,
  });
  const money = (amount: number, k: string) => <MoneyText key={k} amount={amount} currency={fund.currency} />;
  return (
    <ReportBlock
      id="report-grants"
      title={t('finance.reports.grants')}
      groups={['country', 'service', 'call'].map((g) => ({ value: g, label: t(`finance.reports.by.${g}`) }))}
      group={group}
      onGroup={setGroup}
      headers={[
        t(`finance.reports.by.${group}`),
        t('finance.reports.count'),
        t('finance.figures.committed'),
        t('finance.figures.disbursed'),
        t('finance.figures.returned'),
        t('finance.figures.outstanding'),
      ]}
      rows={report.data?.items.map((r, i) => ({
        key: `${r.country ?? r.service ?? r.callId ?? i}`,
        label:
          group === 'country'
            ? countryName(r.country ?? '', locale)
            : group === 'service'
              ? t(`services.${r.service}`)
              : (r.callTitle ?? '—'),
        value: r.committed,
        cells: [
          formatNumber(r.count, locale),
          money(r.committed, 'c'),
          money(r.disbursed, 'd'),
          money(r.returned, 'r'),
          money(r.outstanding, 'o'),
        ],
      }))}
      total={
        report.data && (
          <>
            {t('finance.figures.committed')}: {money(report.data.total.committed, 't')}
          </>
        )
      }
      format={(v) => formatMoneyCompact(v, fund.currency, locale)}
      downloads={
        <Exports
          path={FILE_PATHS.grantsReport}
          query={{ fundId: fund.id, groupBy: group }}
          name={`grants-${group}`}
        />
      }
      error={report.error}
      pending={report.isPending}
    />
  );
}

function ImpactReport({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [group, setGroup] = useState('year');
  const report = useQuery({
    ...impactReportQuery({ query: { fundId: fund.id, groupBy: group } }),
    placeholderData: keepPreviousData,
  });
  return (
    <ReportBlock
      id="report-impact"
      title={t('finance.reports.impact')}
      groups={['year', 'service', 'country'].map((g) => ({ value: g, label: t(`finance.reports.by.${g}`) }))}
      group={group}
      onGroup={setGroup}
      headers={[t(`finance.reports.by.${group}`), t('finance.reports.people')]}
      rows={report.data?.items.map((r, i) => ({
        key: `${r.year ?? r.service ?? r.country ?? i}`,
        label:
          group === 'year'
            ? String(r.year)
            : group === 'service'
              ? t(`services.${r.service}`)
              : countryName(r.country ?? '', locale),
        value: r.victimsAssisted,
        cells: [formatNumber(r.victimsAssisted, locale)],
      }))}
      total={report.data && t('finance.reports.peopleTotal', { count: report.data.total })}
      format={(v) => formatNumber(v, locale)}
      error={report.error}
      pending={report.isPending}
    />
  );
}

/** Finance: contributions, grants and impact, each grouped three ways, as bars and as a table. */
function ReportsPageBody() {
  const title = useTitle('finance.reports.title');
  const { fund, funds, error, pending } = useFund();
  return (
    <Stack gap="xl">
      <Title order={1}>{title}</Title>
      <FundPicker funds={funds} fund={fund} />
      {error ? <ProblemAlert error={error} /> : null}
      {pending && <Loading />}
      {fund && (
        <>
          <ContributionsReport fund={fund} />
          <GrantsReport fund={fund} />
          <ImpactReport fund={fund} />
        </>
      )}
    </Stack>
  );
}

export function ReportsPage() {
  return (
    <RequireFinance>
      <ReportsPageBody />
    </RequireFinance>
  );
}
