import { Group, NativeSelect, Pagination, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { apiUrl } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { ContributionForm } from './ContributionForm';
import { CURRENCIES } from './conversion';
import { useDonors } from './DonorField';
import { contributionsPagesQuery, FILE_PATHS, type FundView } from './finance-api';
import { type ContributionFilter, filterRows, NO_FILTER, pageOf } from './list-filters';
import { FinancePage } from './FinancePage';
import { ReverseButton } from './ReverseButton';
import { LoadMore } from '../../components/LoadMore';

function ContributionList({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const donors = useDonors();
  const [donorId, setDonorId] = useState('');
  const [filter, setFilter] = useState<ContributionFilter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const list = useInfiniteQuery({
    ...contributionsPagesQuery({ query: { fundId: fund.id, limit: 200, ...(donorId ? { donorId } : {}) } }),
    initialPageParam: { query: {} },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const names = useMemo(() => new Map((donors.data?.items ?? []).map((d) => [d.id, d.name])), [donors.data]);
  const all = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const shown = useMemo(() => filterRows(all, filter), [all, filter]);
  const { rows, pages } = pageOf(shown, page);
  const set = (patch: Partial<ContributionFilter>) => {
    setFilter({ ...filter, ...patch });
    setPage(1);
  };
  return (
    <Section id="list-title" title={t('finance.contributions.listTitle')}>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('finance.filters')}>
        <NativeSelect
          id="f-donor"
          label={t('finance.donor.label')}
          value={donorId}
          data={[
            { value: '', label: t('finance.any') },
            ...(donors.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          onChange={(e) => {
            setDonorId(e.currentTarget.value);
            setPage(1);
          }}
        />
        <TextInput
          type="date"
          id="f-from"
          label={t('finance.from')}
          value={filter.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          id="f-to"
          label={t('finance.to')}
          value={filter.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
        <NativeSelect
          id="f-currency"
          label={t('finance.record.currency')}
          value={filter.currency}
          data={[{ value: '', label: t('finance.any') }, ...CURRENCIES]}
          onChange={(e) => set({ currency: e.currentTarget.value })}
        />
        <NativeSelect
          id="f-status"
          label={t('finance.contributions.status')}
          value={filter.status}
          data={[
            { value: '', label: t('finance.any') },
            { value: 'received', label: t('finance.contributions.received') },
            { value: 'reversed', label: t('finance.contributions.reversed') },
          ]}
          onChange={(e) => set({ status: e.currentTarget.value as ContributionFilter['status'] })}
        />
      </Group>
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && (
        <>
          <Text size="sm" mt="sm" role="status">
            {t('finance.contributions.count', { shown: shown.length, loaded: all.length })}
          </Text>
          <div className="table-scroll">
            <Table striped withTableBorder captionSide="top" miw={640} data-testid="contributions">
              <caption>{t('finance.contributions.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('finance.record.receipt')}</Table.Th>
                  <Table.Th scope="col">{t('finance.record.receivedAt')}</Table.Th>
                  <Table.Th scope="col">{t('finance.donor.label')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('finance.contributions.amount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('finance.contributions.usd')}
                  </Table.Th>
                  <Table.Th scope="col">{t('finance.contributions.status')}</Table.Th>
                  <Table.Th scope="col">{t('finance.contributions.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id} data-receipt={c.receiptNumber}>
                    <Table.Th scope="row" fw={400}>
                      <bdi>{c.receiptNumber}</bdi>
                    </Table.Th>
                    <Table.Td>{formatDate(c.receivedAt, locale)}</Table.Td>
                    <Table.Td>{names.get(c.donorId) ?? '—'}</Table.Td>
                    <Table.Td ta="end">
                      <MoneyText amount={c.amount} currency={c.currency} />
                    </Table.Td>
                    <Table.Td ta="end">
                      <MoneyText amount={c.usdAmount} currency={fund.currency} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {t(`finance.contributions.${c.status}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" align="flex-start">
                        <DownloadButton
                          url={apiUrl(FILE_PATHS.receipt, { id: c.id })}
                          fallbackName={`receipt-${c.receiptNumber}.pdf`}
                          variant="subtle"
                        >
                          {t('finance.contributions.receiptPdf', { receipt: c.receiptNumber })}
                        </DownloadButton>
                        <ReverseButton contribution={c} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Group justify="space-between" mt="sm" wrap="wrap">
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`finance.pager.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('finance.pager.page', { n }) })}
              />
            )}
            <LoadMore pages={list} label={t('finance.loadMore')} />
          </Group>
        </>
      )}
    </Section>
  );
}

/** Finance: record a contribution (receipt and PDF), and the fund's contributions with filters. */
export function ContributionsPage() {
  const { t } = useTranslation();
  return (
    <FinancePage titleKey="finance.contributions.title">
      {(fund) => (
        <>
          <Section id="record-title" title={t('finance.record.title')}>
            <ContributionForm fund={fund} />
          </Section>
          <ContributionList fund={fund} />
        </>
      )}
    </FinancePage>
  );
}
