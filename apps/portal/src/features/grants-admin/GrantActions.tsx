import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  acceptGrantReportMutation,
  cancelGrantMutation,
  recordGrantReturnMutation,
  returnGrantReportMutation,
} from '../../api/@tanstack/react-query.gen';
import type { GrantView } from '../../api/types.gen';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { currencyExponent, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { parseAmount } from '../ngo/application-form';
import { useAttemptKey } from './attempt-key';
import { Dialog } from '../../components/Dialog';

function useGrantChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'getGrant' }] });
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'listGrants' }] });
  };
}

/** The grant's reports; the fund manager accepts a submitted one or sends it back with a comment. */
export function GrantReports({ grant, manager }: { grant: GrantView; manager: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const changed = useGrantChanged();
  const [comments, setComments] = useState<Record<string, string>>({});
  const accept = useMutation({ ...acceptGrantReportMutation(), onSuccess: changed });
  const sendBack = useMutation({ ...returnGrantReportMutation(), onSuccess: changed });
  const error = accept.error ?? sendBack.error;
  return (
    <Section id="grant-reports" title={t('grantsAdmin.reports')}>
      {error && <ProblemAlert error={error} />}
      {grant.reports.length === 0 && <Text>{t('grantsAdmin.noReports')}</Text>}
      <Stack gap="sm">
        {grant.reports.map((r) => (
          <Paper key={r.id} withBorder p="sm">
            <Text fw={600}>
              {t('grantsAdmin.reportOf', { date: formatDate(r.periodEnd, locale) })}:{' '}
              {t(`grantsAdmin.reportStatus.${r.status}`)}
            </Text>
            <Text size="sm">
              {t('grantsAdmin.spent')}: <MoneyText amount={r.spent} currency={grant.currency} />
            </Text>
            <Text size="sm">{r.narrative}</Text>
            {r.comment && (
              <Text size="sm">
                {t('grantsAdmin.comment')}: {r.comment}
              </Text>
            )}
            {manager && r.status === 'submitted' && (
              <Stack gap="xs" mt="xs">
                <Textarea
                  id={`report-${r.id}-comment`}
                  label={t('grantsAdmin.comment')}
                  value={comments[r.id] ?? ''}
                  onChange={(e) => setComments({ ...comments, [r.id]: e.currentTarget.value })}
                />
                <Group>
                  <Button
                    onClick={() =>
                      accept.mutate({
                        path: { id: grant.id, reportId: r.id },
                        body: comments[r.id] ? { comment: comments[r.id] } : {},
                      })
                    }
                  >
                    {t('grantsAdmin.accept')}
                  </Button>
                  <Button
                    variant="outline"
                    disabled={!comments[r.id]?.trim()}
                    onClick={() =>
                      sendBack.mutate({
                        path: { id: grant.id, reportId: r.id },
                        body: { comment: comments[r.id] },
                      })
                    }
                  >
                    {t('grantsAdmin.sendBack')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Paper>
        ))}
      </Stack>
    </Section>
  );
}

/** Finance records unspent money the grantee gave back (idempotent: one key per attempt). */
export function RecordReturn({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  const changed = useGrantChanged();
  const key = useAttemptKey();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const record = useMutation({
    ...recordGrantReturnMutation(),
    onSuccess: () => {
      key.settle();
      setAmount('');
      setNote('');
      changed();
    },
    onError: (error) => key.settle(error),
  });
  const minor = parseAmount(amount, currencyExponent(grant.currency));
  return (
    <Section id="grant-return" title={t('grantsAdmin.returns')}>
      {grant.returns.map((r) => (
        <Text key={r.id} size="sm">
          <MoneyText amount={r.amount} currency={grant.currency} />: {r.note}
        </Text>
      ))}
      {record.error && <ProblemAlert error={record.error} />}
      <Group align="flex-end">
        <TextInput
          id="return-amount"
          label={t('grantsAdmin.returnAmount', { currency: grant.currency })}
          inputMode="decimal"
          value={amount}
          error={amount && minor === null ? t('callsAdmin.errors.amount') : undefined}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <TextInput
          id="return-note"
          label={t('grantsAdmin.returnNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button
          disabled={!minor || !note.trim()}
          loading={record.isPending}
          onClick={() =>
            record.mutate({
              path: { id: grant.id },
              headers: { 'Idempotency-Key': key.get() },
              body: { amount: minor!, note: note.trim() },
            })
          }
        >
          {t('grantsAdmin.recordReturn')}
        </Button>
      </Group>
    </Section>
  );
}

/** The fund manager cancels the unpaid rest of a grant, with a reason, after confirming. */
export function CancelGrant({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  const changed = useGrantChanged();
  const key = useAttemptKey();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    ...cancelGrantMutation(),
    onSuccess: () => {
      key.settle();
      setConfirming(false);
      changed();
    },
    onError: (error) => key.settle(error),
  });
  return (
    <Section id="grant-cancel" title={t('grantsAdmin.cancelTitle')}>
      <Textarea
        id="cancel-reason"
        label={t('grantsAdmin.cancelReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button
        color="red.9"
        variant="outline"
        mt="xs"
        disabled={!reason.trim()}
        onClick={() => setConfirming(true)}
      >
        {t('grantsAdmin.cancel')}
      </Button>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('grantsAdmin.cancelConfirmTitle')}
      >
        <Text>
          {t('grantsAdmin.cancelConfirm', { title: grant.title })}{' '}
          <MoneyText amount={grant.amount - grant.paid - grant.cancelled} currency={grant.currency} />
        </Text>
        {cancel.error && <ProblemAlert error={cancel.error} />}
        <Group mt="md">
          <Button
            color="red.9"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate({
                path: { id: grant.id },
                headers: { 'Idempotency-Key': key.get() },
                body: { note: reason.trim() },
              })
            }
          >
            {t('grantsAdmin.cancelYes')}
          </Button>
          <Button variant="outline" onClick={() => setConfirming(false)}>
            {t('grantsAdmin.cancelNo')}
          </Button>
        </Group>
      </Dialog>
    </Section>
  );
}
