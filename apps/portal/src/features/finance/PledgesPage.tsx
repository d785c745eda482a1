import { Button, Group, NativeSelect, Paper, Stack, Table, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { currencyExponent, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { parseAmount } from '../ngo/application-form';
import { CURRENCIES } from './conversion';
import { DonorField, useDonors } from './DonorField';
import { createPledgeMutation, type FundView, pledgesPagesQuery, today } from './finance-api';
import { FinancePage } from './FinancePage';
import { LoadMore } from '../../components/LoadMore';

function PledgeForm({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [donorId, setDonorId] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [amountText, setAmountText] = useState('');
  const [expectedAt, setExpectedAt] = useState(today());
  const [tried, setTried] = useState(false);
  const create = useMutation({
    ...createPledgeMutation(),
    onSuccess: () => {
      void client.invalidateQueries();
      setAmountText('');
      setTried(false);
    },
  });
  const amount = parseAmount(amountText, currencyExponent(currency));
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!donorId || amount === null || amount <= 0 || !expectedAt) return;
    create.mutate({ body: { donorId, fundId: fund.id, amount, currency, expectedAt } });
  }
  const required = t('finance.record.required');
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        {create.error && (
          <ProblemAlert error={create.error} fields={['donorId', 'amount', 'currency', 'expectedAt']} />
        )}
        {create.isSuccess && <div role="status">{t('finance.pledges.added')}</div>}
        <DonorField value={donorId} onChange={setDonorId} error={tried && !donorId ? required : undefined} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            id="p-currency"
            label={t('finance.record.currency')}
            value={currency}
            data={[...CURRENCIES]}
            onChange={(e) => setCurrency(e.currentTarget.value)}
          />
          <TextInput
            id="p-amount"
            label={t('finance.record.amount', { currency })}
            inputMode="decimal"
            required
            value={amountText}
            error={tried && (amount === null || amount <= 0) ? required : undefined}
            onChange={(e) => setAmountText(e.currentTarget.value)}
          />
          <TextInput
            id="p-expected"
            type="date"
            label={t('finance.pledges.expectedAt')}
            required
            value={expectedAt}
            onChange={(e) => setExpectedAt(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('finance.pledges.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PledgeList({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const donors = useDonors();
  const names = useMemo(() => new Map((donors.data?.items ?? []).map((d) => [d.id, d.name])), [donors.data]);
  const list = useInfiniteQuery({
    ...pledgesPagesQuery({ query: { fundId: fund.id, limit: 100 } }),
    initialPageParam: { query: {} },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="pledges-list" title={t('finance.pledges.listTitle')}>
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && (
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top" miw={560}>
            <caption>{t('finance.pledges.caption', { count: rows.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('finance.donor.label')}</Table.Th>
                <Table.Th scope="col">{t('finance.pledges.expectedAt')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('finance.contributions.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('finance.pledges.settled')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('finance.pledges.outstanding')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    {names.get(p.donorId) ?? '—'}
                  </Table.Th>
                  <Table.Td>{formatDate(p.expectedAt, locale)}</Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={p.amount} currency={p.currency} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={p.settled} currency={fund.currency} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={p.outstanding} currency={fund.currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore pages={list} label={t('finance.loadMore')} />
    </Section>
  );
}

/** Finance: the fund's pledges (what each settled and still owes) and a new pledge. */
export function PledgesPage() {
  const { t } = useTranslation();
  return (
    <FinancePage titleKey="finance.pledges.title">
      {(fund) => (
        <>
          <Section id="pledge-new" title={t('finance.pledges.add')}>
            <PledgeForm fund={fund} />
          </Section>
          <PledgeList fund={fund} />
        </>
      )}
    </FinancePage>
  );
}
