import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { CURRENCIES, normaliseRate } from './conversion';
import {
  createExchangeRateMutation,
  type ExchangeRateView,
  ratesPagesQuery,
  supersedeExchangeRateMutation,
  today,
} from './finance-api';
import { RequireFinance } from './RequireFinance';
import { LoadMore } from '../../components/LoadMore';
import { Dialog } from '../../components/Dialog';

function RateForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [currency, setCurrency] = useState('NOK');
  const [rateText, setRateText] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [tried, setTried] = useState(false);
  const create = useMutation({
    ...createExchangeRateMutation(),
    onSuccess: () => {
      void client.invalidateQueries();
      setRateText('');
      setTried(false);
    },
  });
  const rate = normaliseRate(rateText);
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!rate || !effectiveFrom) return;
    create.mutate({ body: { currency, rate, effectiveFrom } });
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        {create.error && <ProblemAlert error={create.error} fields={['currency', 'rate', 'effectiveFrom']} />}
        {create.isSuccess && <div role="status">{t('finance.rates.added')}</div>}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            id="r-currency"
            label={t('finance.record.currency')}
            value={currency}
            data={CURRENCIES.filter((c) => c !== 'USD')}
            onChange={(e) => setCurrency(e.currentTarget.value)}
          />
          <TextInput
            id="r-rate"
            label={t('finance.rates.rate', { currency })}
            inputMode="decimal"
            required
            value={rateText}
            error={tried && !rate ? t('finance.record.required') : undefined}
            onChange={(e) => setRateText(e.currentTarget.value)}
          />
          <TextInput
            id="r-from"
            type="date"
            label={t('finance.rates.effectiveFrom')}
            required
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('finance.rates.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Supersede({ rate }: { rate: ExchangeRateView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [rateText, setRateText] = useState('');
  const [reason, setReason] = useState('');
  const supersede = useMutation({
    ...supersedeExchangeRateMutation(),
    onSuccess: () => {
      void client.invalidateQueries();
      setOpen(false);
    },
  });
  const next = normaliseRate(rateText);
  if (rate.status !== 'current') return null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() => {
          supersede.reset();
          setRateText(rate.rate);
          setReason('');
          setOpen(true);
        }}
        aria-label={t('finance.rates.supersedeFor', { currency: rate.currency, rate: rate.rate })}
      >
        {t('finance.rates.supersede')}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t('finance.rates.supersedeTitle')} centered>
        <Stack gap="sm">
          <Text>{t('finance.rates.supersedeIntro', { currency: rate.currency, rate: rate.rate })}</Text>
          {supersede.error && <ProblemAlert error={supersede.error} fields={['rate', 'reason']} />}
          <TextInput
            id="s-rate"
            label={t('finance.rates.rate', { currency: rate.currency })}
            value={rateText}
            onChange={(e) => setRateText(e.currentTarget.value)}
          />
          <TextInput
            id="s-reason"
            label={t('finance.reverse.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('finance.cancel')}
            </Button>
            <Button
              disabled={!next || !reason.trim()}
              loading={supersede.isPending}
              onClick={() =>
                next &&
                supersede.mutate({ path: { id: rate.id }, body: { rate: next, reason: reason.trim() } })
              }
            >
              {t('finance.rates.supersede')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}

function RateList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [currency, setCurrency] = useState('');
  const list = useInfiniteQuery({
    ...ratesPagesQuery({ query: { limit: 100, ...(currency ? { currency } : {}) } }),
    initialPageParam: { query: {} },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="rates-list" title={t('finance.rates.listTitle')}>
      <NativeSelect
        id="rl-currency"
        label={t('finance.record.currency')}
        value={currency}
        maw={200}
        data={[{ value: '', label: t('finance.any') }, ...CURRENCIES.filter((c) => c !== 'USD')]}
        onChange={(e) => setCurrency(e.currentTarget.value)}
      />
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && (
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top" miw={520} data-testid="rates">
            <caption>{t('finance.rates.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('finance.record.currency')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('finance.rates.perUsd')}
                </Table.Th>
                <Table.Th scope="col">{t('finance.rates.effectiveFrom')}</Table.Th>
                <Table.Th scope="col">{t('finance.contributions.status')}</Table.Th>
                <Table.Th scope="col">{t('finance.contributions.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={400}>
                    {r.currency}
                  </Table.Th>
                  <Table.Td ta="end">
                    <bdi>{r.rate}</bdi>
                  </Table.Td>
                  <Table.Td>{formatDate(r.effectiveFrom, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`finance.rates.${r.status}`)}
                    </Text>
                    {r.supersededReason && <Text size="xs">{r.supersededReason}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Supersede rate={r} />
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

/** Finance: the UN operational rates of exchange (units per USD, in force from a day), add and supersede. */
function RatesPageBody() {
  const { t } = useTranslation();
  const title = useTitle('finance.rates.title');
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Section id="rate-new" title={t('finance.rates.add')}>
        <RateForm />
      </Section>
      <RateList />
    </Stack>
  );
}

export function RatesPage() {
  return (
    <RequireFinance>
      <RatesPageBody />
    </RequireFinance>
  );
}
