import { Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { DownloadButton } from '../../components/DownloadButton';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import {
  contributionsPagesQuery,
  type ContributionView,
  receiptUrl,
  statementUrl,
  yearReceiptsUrl,
  yearsOf,
} from './donor-queries';
import { useDonor } from './use-donor';
import { LoadMore } from '../../components/LoadMore';

/** The donor's own contributions with their receipt numbers, one receipt PDF each, and a year's files. */
export function DonorContributionsPage() {
  const { t } = useTranslation();
  const title = useTitle('donor.contributions.title');
  const { token, me, donorId } = useDonor();
  const pages = useInfiniteQuery({
    ...contributionsPagesQuery({ query: { limit: 50 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(donorId),
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      {me.error && <ProblemAlert error={me.error} />}
      {me.data && !donorId && <Text>{t('donor.notDonor')}</Text>}
      {pages.error && <ProblemAlert error={pages.error} onRetry={() => void pages.refetch()} />}
      {(me.isPending || (donorId && pages.isPending)) && <Loading />}
      {donorId && pages.data && (
        <>
          <YearFiles donorId={donorId} years={yearsOf(items)} />
          <ContributionsTable items={items} />
          <LoadMore pages={pages} label={t('donor.more')} />
        </>
      )}
    </Stack>
  );
}

function YearFiles({ donorId, years }: { donorId: string; years: number[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number | null>(null);
  if (years.length === 0) return null;
  const year = chosen ?? years[0];
  return (
    <section aria-labelledby="year-files-title">
      <Paper withBorder p="md">
        <Title order={2} id="year-files-title" size="h3">
          {t('donor.contributions.yearTitle')}
        </Title>
        <Group align="flex-end" gap="md" mt="sm" wrap="wrap">
          <NativeSelect
            id="receipts-year"
            label={t('donor.contributions.year')}
            value={String(year)}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(e) => setChosen(Number(e.currentTarget.value))}
          />
          <DownloadButton url={yearReceiptsUrl(donorId, year)} fallbackName={`receipts-${year}.zip`}>
            {t('donor.contributions.allReceipts', { year })}
          </DownloadButton>
          <DownloadButton
            url={statementUrl(donorId, year)}
            variant="outline"
            fallbackName={`statement-${year}.pdf`}
          >
            {t('donor.contributions.statement', { year })}
          </DownloadButton>
        </Group>
      </Paper>
    </section>
  );
}

function ContributionsTable({ items }: { items: ContributionView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <Text>{t('donor.contributions.none')}</Text>;
  return (
    <div className="table-scroll">
      <Table striped withTableBorder captionSide="top" data-testid="donor-contributions">
        <caption>{t('donor.contributions.caption', { count: items.length })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('donor.contributions.receiptNumber')}</Table.Th>
            <Table.Th scope="col">{t('donor.contributions.received')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donor.contributions.amount')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donor.contributions.usd')}
            </Table.Th>
            <Table.Th scope="col">{t('donor.contributions.receipt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-receipt={c.receiptNumber}>
              <Table.Th scope="row" fw={400}>
                <bdi>{c.receiptNumber}</bdi>{' '}
                {c.receiptVoid && (
                  <Badge color="red.9" variant="outline">
                    {t('donor.contributions.void')}
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>{formatDate(c.receivedAt, locale)}</Table.Td>
              <Table.Td ta="end">
                <MoneyText amount={c.amount} currency={c.currency} />
              </Table.Td>
              <Table.Td ta="end">
                <MoneyText amount={c.usdAmount} currency="USD" />
              </Table.Td>
              <Table.Td>
                <DownloadButton
                  url={receiptUrl(c.id)}
                  size="xs"
                  variant="subtle"
                  fallbackName={`receipt-${c.receiptNumber}.pdf`}
                >
                  {t('donor.contributions.receiptPdf', { number: c.receiptNumber })}
                </DownloadButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
