import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { currencyExponent, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { parseAmount } from '../ngo/application-form';
import {
  addFundCostMutation,
  balanceQuery,
  costsPagesQuery,
  type FundView,
  newIdempotencyKey,
  today,
} from './finance-api';
import { FinancePage } from './FinancePage';

/** The fund's costs, the latest incurred first, a page at a time. */
function CostList({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useInfiniteQuery({
    ...costsPagesQuery({ path: { id: fund.id }, query: { limit: 100 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="costs-list" title={t('finance.costs.listTitle')}>
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && rows.length === 0 && <Text>{t('finance.costs.none')}</Text>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top" miw={400} data-testid="costs">
            <caption>{t('finance.costs.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('finance.costs.description')}</Table.Th>
                <Table.Th scope="col">{t('finance.costs.incurredAt')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('finance.contributions.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={400}>
                    {c.description}
                  </Table.Th>
                  <Table.Td>{formatDate(c.incurredAt, locale)}</Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={c.amount} currency={c.currency} />
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

/**
 * Fund-level costs: the total charged so far (the balance's `costs`), a new cost (idempotent: one key per
 * attempt, a new one after success; refused beyond what is available), and the fund's costs.
 */
function Costs({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const balance = useQuery(balanceQuery({ path: { id: fund.id } }));
  const [key, setKey] = useState(newIdempotencyKey);
  const [amountText, setAmountText] = useState('');
  const [description, setDescription] = useState('');
  const [day, setDay] = useState(today());
  const [tried, setTried] = useState(false);
  const add = useMutation({
    ...addFundCostMutation(),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      setAmountText('');
      setDescription('');
      setTried(false);
      void client.invalidateQueries();
    },
  });
  const amount = parseAmount(amountText, currencyExponent(fund.currency));
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    send();
  }
  function send() {
    if (amount === null || amount <= 0 || !description.trim()) return;
    add.mutate({
      path: { id: fund.id },
      headers: { 'Idempotency-Key': key },
      body: {
        amount,
        description: description.trim(),
        ...(day && day !== today() ? { incurredAt: `${day}T12:00:00.000Z` } : {}),
      },
    });
  }
  const required = t('finance.record.required');
  return (
    <>
      {balance.data && (
        <Text>
          {t('finance.costs.total')}: <MoneyText amount={balance.data.costs} currency={fund.currency} /> ·{' '}
          {t('finance.figures.available')}:{' '}
          <MoneyText amount={balance.data.available} currency={fund.currency} />
        </Text>
      )}
      {balance.isPending && <Loading />}
      <Section id="cost-new" title={t('finance.costs.add')}>
        <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
          <Stack gap="sm">
            {add.error && (
              <ProblemAlert
                error={add.error}
                fields={['amount', 'description', 'incurredAt']}
                onRetry={send}
              />
            )}
            <TextInput
              id="cost-description"
              label={t('finance.costs.description')}
              required
              value={description}
              error={tried && !description.trim() ? required : undefined}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput
                id="cost-amount"
                label={t('finance.record.amount', { currency: fund.currency })}
                inputMode="decimal"
                required
                value={amountText}
                error={tried && (amount === null || amount <= 0) ? required : undefined}
                onChange={(e) => setAmountText(e.currentTarget.value)}
              />
              <TextInput
                id="cost-day"
                type="date"
                label={t('finance.costs.incurredAt')}
                max={today()}
                value={day}
                onChange={(e) => setDay(e.currentTarget.value)}
              />
            </Group>
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('finance.costs.add')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Section>
      <CostList fund={fund} />
    </>
  );
}

/** Finance: the fund's own costs (recorded against available, with the ones added on this visit). */
export function CostsPage() {
  return <FinancePage titleKey="finance.costs.title">{(fund) => <Costs fund={fund} />}</FinancePage>;
}
