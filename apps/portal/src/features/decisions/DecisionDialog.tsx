import { Alert, Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { MoneyText } from '../../components/MoneyText';
import { decideApplication, getFund, getFundBalance, getFundForecast, listGrants } from '../../api/sdk.gen';
import type { ApplicationView, CallView } from '../../api/types.gen';
import { currencyExponent, formatMonth } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { isProblem } from '../../lib/problems';
import { amountText, parseAmount } from '../ngo/application-form';
import { afterDecision, awardProblem, newIdempotencyKey, scheduleCheck } from './decision-math';
import { TrancheEditor, type TrancheDraft, toRows } from './TrancheEditor';
import { Dialog } from '../../components/Dialog';

/** The insufficient-funds problem's figures (minor units of `currency`). */
interface ShortProblem {
  type: string;
  missing?: number;
  available?: number;
  needed?: number;
  currency?: string;
}

/**
 * Approving or rejecting one application. The key of this attempt is made once, when the dialog opens,
 * and sent again with every retry: a double click or a repeated request never commits twice.
 */
export function DecisionDialog({
  app,
  call,
  onClose,
}: {
  app: ApplicationView;
  call: CallView;
  onClose: (decided: boolean) => void;
}) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const exponent = currencyExponent(app.currency);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [amountInput, setAmountInput] = useState(amountText(app.requested, exponent));
  const [note, setNote] = useState('');
  const [tranches, setTranches] = useState<TrancheDraft[]>([{ percent: '100', condition: 'on_signature' }]);
  const fund = useQuery({
    queryKey: ['fund', app.fundId],
    queryFn: async () => (await getFund({ path: { id: app.fundId }, throwOnError: true })).data,
  });
  const balance = useQuery({
    queryKey: ['fund-balance', app.fundId],
    queryFn: async () => (await getFundBalance({ path: { id: app.fundId }, throwOnError: true })).data,
  });
  const grants = useQuery({
    queryKey: ['fund-grants', app.fundId],
    queryFn: async () =>
      (await listGrants({ query: { fundId: app.fundId, limit: 500 }, throwOnError: true })).data.items,
  });
  const amount = parseAmount(amountInput, exponent);
  const locale = useLocale();
  // What this approval (plus PSC) does to the month the fund reaches its new-call target (issue 21).
  const forecast = useQuery({
    queryKey: ['fund-forecast', app.fundId, amount],
    queryFn: async () =>
      (
        await getFundForecast({
          path: { id: app.fundId },
          query: { commit: String(amount ?? 0) },
          throwOnError: true,
        })
      ).data,
    enabled: decision === 'approve' && amount !== null && amount >= 0,
    placeholderData: keepPreviousData,
  });
  const month = (m: string | null) => (m ? formatMonth(m, locale) : t('decision.forecastNever'));
  const schedule = scheduleCheck(toRows(tranches));
  const problem =
    amount === null
      ? 'notWhole'
      : awardProblem(amount, { requested: app.requested, minAward: call.minAward, maxAward: call.maxAward });
  const save = useMutation({
    mutationFn: async () =>
      (
        await decideApplication({
          path: { id: app.id },
          headers: { 'Idempotency-Key': key },
          body:
            decision === 'reject'
              ? { decision, note }
              : {
                  decision,
                  note,
                  amount: amount ?? undefined,
                  tranches: toRows(tranches).map((r) => ({ percent: r.percent, condition: r.condition })),
                },
          throwOnError: true,
        })
      ).data,
    onSuccess: () => onClose(true),
  });
  const committedOnCall = (grants.data ?? [])
    .filter((g) => g.callId === call.id)
    .reduce((s, g) => s + g.committed, 0);
  const figures =
    balance.data && fund.data && amount !== null
      ? afterDecision({
          available: balance.data.available,
          amount,
          pscRateBps: fund.data.pscRateBps,
          envelope: call.envelope,
          committedOnCall,
        })
      : null;
  const canSend =
    note.trim() !== '' && (decision === 'reject' || (problem === null && schedule.ok)) && !save.isPending;
  const short =
    isProblem(save.error) && save.error.type.endsWith('/insufficient-funds')
      ? (save.error as unknown as ShortProblem)
      : null;
  const money = (n: number) => <MoneyText amount={n} currency={app.currency} />;
  return (
    <Dialog opened onClose={() => onClose(false)} title={t('decision.title', { title: app.title })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canSend) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Radio.Group
            label={t('decision.choice')}
            value={decision}
            onChange={(v) => setDecision(v as 'approve' | 'reject')}
          >
            <Group gap="sm" mt={4}>
              <Radio value="approve" label={t('decision.approve')} />
              <Radio value="reject" label={t('decision.reject')} />
            </Group>
          </Radio.Group>
          {decision === 'approve' && (
            <>
              <TextInput
                label={t('decision.amount', { currency: app.currency })}
                description={t('decision.amountHelp')}
                inputMode="decimal"
                value={amountInput}
                onChange={(e) => setAmountInput(e.currentTarget.value)}
                error={problem ? t(`decision.awardProblems.${problem}`) : undefined}
              />
              <Text size="sm">
                {t('decision.requested')} {money(app.requested)}
                {call.minAward !== null && (
                  <>
                    {' · '}
                    {t('decision.minAward')} {money(call.minAward)}
                  </>
                )}
                {call.maxAward !== null && (
                  <>
                    {' · '}
                    {t('decision.maxAward')} {money(call.maxAward)}
                  </>
                )}
              </Text>
              <TrancheEditor value={tranches} onChange={setTranches} />
              {figures && balance.data && (
                <section aria-label={t('decision.effect')} className="decision-effect">
                  <Text data-testid="decision-available">
                    {t('decision.availableNow')} {money(balance.data.available)} {'->'}{' '}
                    {t('decision.availableAfter')} {money(figures.availableAfter)}
                  </Text>
                  <Text size="sm">
                    {t('decision.cost')} {money(amount ?? 0)} + {t('decision.psc')} {money(figures.psc)} ={' '}
                    {money(figures.cost)}
                  </Text>
                  {figures.envelopeLeft !== null && (
                    <Text size="sm">
                      {t('decision.envelopeLeft')} {money(figures.envelopeLeft)}
                    </Text>
                  )}
                  {forecast.data &&
                    (forecast.data.status === 'no_history' || !forecast.data.decision ? (
                      <Text size="sm" data-testid="decision-forecast">
                        {t('decision.forecastNoHistory')}
                      </Text>
                    ) : (
                      <Text size="sm" data-testid="decision-forecast">
                        {t('decision.forecastMove', {
                          before: month(forecast.data.expectedMonth),
                          after: month(forecast.data.decision.expectedMonth),
                        })}{' '}
                        {forecast.data.decision.monthsLater !== null &&
                          t('decision.forecastLater', { count: forecast.data.decision.monthsLater })}
                      </Text>
                    ))}
                  {figures.missing > 0 && (
                    <Text c="red.9" fw={700}>
                      {t('decision.wouldMiss')} {money(figures.missing)}
                    </Text>
                  )}
                </section>
              )}
            </>
          )}
          <Textarea
            label={t('decision.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required
            maxLength={2000}
            autosize
            minRows={2}
          />
          {short ? (
            <Alert role="alert" color="red" variant="light" title={t('decision.shortTitle')}>
              {t('decision.shortText')}{' '}
              {short.missing !== undefined && (
                <strong data-testid="decision-missing">{money(short.missing)}</strong>
              )}
            </Alert>
          ) : (
            save.error && <ProblemAlert error={save.error} />
          )}
          <Group>
            <Button type="submit" disabled={!canSend} loading={save.isPending}>
              {t(decision === 'approve' ? 'decision.confirmApprove' : 'decision.confirmReject')}
            </Button>
            <Button variant="subtle" onClick={() => onClose(false)}>
              {t('decision.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
