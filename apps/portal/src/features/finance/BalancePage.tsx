import { Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { apiUrl } from '../../lib/download';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { ClosePeriod } from './ClosePeriod';
import { balanceQuery, FILE_PATHS, type FundView, statementQuery, today } from './finance-api';
import { FinancePage } from './FinancePage';
import { FIGURES, StatementTable } from './StatementTable';

function Balance({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [asOf, setAsOf] = useState('');
  const balance = useQuery({
    ...balanceQuery({ path: { id: fund.id }, query: asOf ? { asOf } : {} }),
    placeholderData: keepPreviousData,
  });
  return (
    <Section id="balance-title" title={t('finance.balance.title')}>
      <TextInput
        type="date"
        id="balance-as-of"
        label={t('finance.balance.asOf')}
        description={t('finance.balance.asOfHint')}
        value={asOf}
        max={today()}
        maw={260}
        onChange={(e) => setAsOf(e.currentTarget.value)}
      />
      {balance.error && <ProblemAlert error={balance.error} onRetry={() => void balance.refetch()} />}
      {balance.isPending && <Loading />}
      {balance.data && (
        <>
          <Text mt="sm" data-testid="balance-moment">
            {asOf
              ? t('finance.balance.endOf', { day: formatDate(asOf, locale) })
              : t('finance.balance.now', { moment: formatDateTime(balance.data.asOf, locale) })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt="sm" aria-live="polite">
            {FIGURES.map((key) => (
              <Paper key={key} withBorder p="sm">
                <Text size="sm">{t(`finance.figures.${key}`)}</Text>
                <Text fw={key === 'available' ? 700 : 600} size="lg" data-testid={`balance-${key}`}>
                  <MoneyText amount={balance.data[key]} currency={balance.data.currency} />
                </Text>
              </Paper>
            ))}
            <Paper withBorder p="sm">
              <Text size="sm">{t('finance.figures.target')}</Text>
              <Text fw={600} size="lg">
                <MoneyText amount={balance.data.target} currency={balance.data.currency} />
              </Text>
              <Text size="sm">{t('finance.balance.progress', { progress: balance.data.progress })}</Text>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Section>
  );
}

function Statement({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const period = { from: from || undefined, to: to || undefined };
  const statement = useQuery({
    ...statementQuery({ path: { id: fund.id }, query: { ...period, format: 'json' } }),
    placeholderData: keepPreviousData,
  });
  const file = (format: 'csv' | 'xlsx' | 'pdf') =>
    apiUrl(FILE_PATHS.statement, { id: fund.id }, { ...period, format });
  const name = `statement-${fund.code}-${from || 'start'}-${to}`;
  return (
    <Section id="statement-title" title={t('finance.statement.title')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          id="statement-from"
          label={t('finance.statement.from')}
          value={from}
          max={to || today()}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          id="statement-to"
          label={t('finance.statement.to')}
          value={to}
          max={today()}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <Group gap="sm" mt="sm" align="flex-start" wrap="wrap">
        <DownloadButton url={file('csv')} fallbackName={`${name}.csv`} testId="statement-csv">
          {t('finance.download.csv')}
        </DownloadButton>
        <DownloadButton url={file('xlsx')} fallbackName={`${name}.xlsx`}>
          {t('finance.download.xlsx')}
        </DownloadButton>
        <DownloadButton url={file('pdf')} fallbackName={`${name}.pdf`}>
          {t('finance.download.pdf')}
        </DownloadButton>
      </Group>
      {statement.error && <ProblemAlert error={statement.error} onRetry={() => void statement.refetch()} />}
      {statement.isPending && <Loading />}
      {statement.data && <StatementTable statement={statement.data} />}
    </Section>
  );
}

/** Finance: the fund's balance now or at the end of any day, the statement for a period, period close. */
export function BalancePage() {
  return (
    <FinancePage titleKey="finance.balance.pageTitle">
      {(fund) => (
        <>
          <Balance fund={fund} />
          <Statement fund={fund} />
          <ClosePeriod fund={fund} />
        </>
      )}
    </FinancePage>
  );
}
