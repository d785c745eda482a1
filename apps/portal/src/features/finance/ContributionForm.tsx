import { Button, Group, NativeSelect, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiUrl } from '../../lib/download';
import { currencyExponent, formatDate, formatMoney } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { parseAmount } from '../ngo/application-form';
import { CURRENCIES, normaliseRate, rateInForce, usdCentsOf } from './conversion';
import { DonorField } from './DonorField';
import {
  type ContributionView,
  createContributionMutation,
  FILE_PATHS,
  type FundView,
  newIdempotencyKey,
  pledgesQuery,
  ratesQuery,
  today,
} from './finance-api';

const FIELDS = ['donorId', 'amount', 'currency', 'usdRate', 'receivedAt', 'pledgeId'] as const;

/** When the money was received, as the API takes it: now for today, noon UTC of an earlier day. */
function receivedAtOf(day: string): string {
  return day === today() ? new Date().toISOString() : `${day}T12:00:00.000Z`;
}

/** The receipt of a contribution just recorded: its number and its PDF. */
export function Receipt({
  contribution,
  onAnother,
}: {
  contribution: ContributionView;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" role="status">
      <Text fw={700} size="lg">
        {t('finance.record.done')}
      </Text>
      <Text data-testid="receipt-number">
        {t('finance.record.receipt')}: <bdi>{contribution.receiptNumber}</bdi>
      </Text>
      <Text>
        <MoneyText amount={contribution.amount} currency={contribution.currency} /> ·{' '}
        <MoneyText amount={contribution.usdAmount} currency="USD" />
      </Text>
      <Group gap="sm" mt="sm" align="flex-start">
        <DownloadButton
          url={apiUrl(FILE_PATHS.receipt, { id: contribution.id })}
          fallbackName={`receipt-${contribution.receiptNumber}.pdf`}
          testId="receipt-pdf"
          variant="filled"
        >
          {t('finance.record.openReceipt')}
        </DownloadButton>
        <Button variant="outline" onClick={onAnother}>
          {t('finance.record.another')}
        </Button>
      </Group>
    </Paper>
  );
}

/**
 * Records money received: the donor (found or created), an optional pledge it settles, the amount and its
 * currency, and for non-USD money the UN operational rate in force (or a stated one) with the USD amount,
 * shown on a review step before anything is sent. One Idempotency-Key per attempt: made when the form
 * opens, sent again on a retry, replaced once the contribution is recorded.
 */
export function ContributionForm({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const [donorId, setDonorId] = useState('');
  const [pledgeId, setPledgeId] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [amountText, setAmountText] = useState('');
  const [day, setDay] = useState(today());
  const [rateMode, setRateMode] = useState<'operational' | 'stated'>('operational');
  const [rateText, setRateText] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const pledges = useQuery({
    ...pledgesQuery({ query: { fundId: fund.id, donorId, limit: 500 } }),
    enabled: Boolean(donorId),
    select: (page) => page.items.filter((p) => p.outstanding > 0),
  });
  const foreign = currency !== 'USD';
  const rates = useQuery({ ...ratesQuery({ query: { currency, limit: 500 } }), enabled: foreign });
  const inForce = foreign ? rateInForce(rates.data?.items ?? [], day) : null;
  const rate = !foreign ? '1' : rateMode === 'stated' ? normaliseRate(rateText) : (inForce?.rate ?? null);
  const amount = parseAmount(amountText, currencyExponent(currency));
  const usd = amount !== null && rate ? usdCentsOf(amount, currency, rate) : null;
  const record = useMutation({
    ...createContributionMutation(),
    onSuccess: () => {
      void client.invalidateQueries();
      setReviewing(false);
    },
  });

  function review(event: FormEvent) {
    event.preventDefault();
    const gaps = [
      !donorId && 'donorId',
      (amount === null || amount <= 0) && 'amount',
      !rate && 'usdRate',
      !day && 'receivedAt',
    ].filter((x): x is string => Boolean(x));
    setMissing(gaps);
    if (gaps.length === 0) setReviewing(true);
  }

  function confirm() {
    if (amount === null) return;
    record.mutate({
      headers: { 'Idempotency-Key': key },
      body: {
        donorId,
        fundId: fund.id,
        amount,
        currency,
        receivedAt: receivedAtOf(day),
        ...(foreign && rateMode === 'stated' && rate ? { usdRate: rate } : {}),
        ...(pledgeId ? { pledgeId } : {}),
      },
    });
  }

  function another() {
    record.reset();
    setKey(newIdempotencyKey());
    setAmountText('');
    setPledgeId('');
    setReviewing(false);
  }

  if (record.data) return <Receipt contribution={record.data} onAnother={another} />;
  const fieldError = (name: string) => (missing.includes(name) ? t('finance.record.required') : undefined);
  return (
    <Paper withBorder p="md" component="form" onSubmit={review} noValidate>
      <Stack gap="sm">
        {record.error && <ProblemAlert error={record.error} fields={FIELDS} onRetry={confirm} />}
        <DonorField value={donorId} onChange={setDonorId} error={fieldError('donorId')} />
        {donorId && (pledges.data?.length ?? 0) > 0 && (
          <NativeSelect
            id="c-pledge"
            label={t('finance.record.pledge')}
            value={pledgeId}
            data={[
              { value: '', label: t('finance.record.noPledge') },
              ...(pledges.data ?? []).map((p) => ({
                value: p.id,
                label: t('finance.record.pledgeOption', {
                  day: formatDate(p.expectedAt, locale),
                  outstanding: formatMoney(p.outstanding, fund.currency, locale),
                }),
              })),
            ]}
            onChange={(e) => setPledgeId(e.currentTarget.value)}
          />
        )}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NativeSelect
            id="c-currency"
            label={t('finance.record.currency')}
            value={currency}
            data={[...CURRENCIES]}
            onChange={(e) => setCurrency(e.currentTarget.value)}
          />
          <TextInput
            id="c-amount"
            label={t('finance.record.amount', { currency })}
            inputMode="decimal"
            required
            value={amountText}
            error={fieldError('amount')}
            onChange={(e) => setAmountText(e.currentTarget.value)}
          />
          <TextInput
            id="c-received"
            type="date"
            label={t('finance.record.receivedAt')}
            max={today()}
            required
            value={day}
            error={fieldError('receivedAt')}
            onChange={(e) => setDay(e.currentTarget.value)}
          />
        </Group>
        {foreign && (
          <Stack gap="xs">
            <Radio.Group
              name="rate-mode"
              label={t('finance.record.rate')}
              value={rateMode}
              onChange={(v) => setRateMode(v as 'operational' | 'stated')}
            >
              <Stack gap={4} mt={4}>
                <Radio value="operational" id="rate-operational" label={t('finance.record.operational')} />
                <Radio value="stated" id="rate-stated" label={t('finance.record.stated')} />
              </Stack>
            </Radio.Group>
            {rateMode === 'operational' ? (
              <Text size="sm" data-testid="rate-in-force">
                {inForce
                  ? t('finance.record.inForce', {
                      rate: inForce.rate,
                      currency,
                      day: formatDate(inForce.effectiveFrom, locale),
                    })
                  : t('finance.record.noRate', { currency })}
              </Text>
            ) : (
              <TextInput
                id="c-rate"
                label={t('finance.record.statedRate', { currency })}
                inputMode="decimal"
                value={rateText}
                error={fieldError('usdRate')}
                onChange={(e) => setRateText(e.currentTarget.value)}
              />
            )}
          </Stack>
        )}
        {usd !== null && amount !== null && (
          <Text data-testid="usd-preview" aria-live="polite">
            {t('finance.record.usdIs')} <MoneyText amount={usd} currency="USD" />
          </Text>
        )}
        {missing.includes('usdRate') && (
          <Text c="red.8" size="sm" role="alert">
            {t('finance.record.needRate')}
          </Text>
        )}
        {!reviewing ? (
          <Group>
            <Button type="submit">{t('finance.record.review')}</Button>
          </Group>
        ) : (
          <Paper withBorder p="sm" data-testid="review">
            <Text fw={600}>{t('finance.record.confirmTitle')}</Text>
            {amount !== null && (
              <Text>
                <MoneyText amount={amount} currency={currency} />
                {foreign && usd !== null && (
                  <>
                    {' '}
                    = <MoneyText amount={usd} currency="USD" />{' '}
                    {t('finance.record.atRate', { rate: rate ?? '', currency })}
                  </>
                )}
              </Text>
            )}
            <Group gap="sm" mt="sm">
              <Button onClick={confirm} loading={record.isPending} data-testid="confirm-contribution">
                {t('finance.record.confirm')}
              </Button>
              <Button variant="default" onClick={() => setReviewing(false)}>
                {t('finance.record.edit')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
