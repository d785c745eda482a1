import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type ContributionView, newIdempotencyKey, reverseContributionMutation } from './finance-api';
import { Dialog } from '../../components/Dialog';

/** Reverses a contribution with a reason, after a confirmation; one Idempotency-Key per dialog opened. */
export function ReverseButton({ contribution }: { contribution: ContributionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [key, setKey] = useState('');
  const reverse = useMutation({
    ...reverseContributionMutation(),
    onSuccess: () => {
      void client.invalidateQueries();
      setOpen(false);
    },
  });
  const send = () =>
    reverse.mutate({
      path: { id: contribution.id },
      headers: { 'Idempotency-Key': key },
      body: { reason: reason.trim() },
    });
  if (contribution.status !== 'received') return null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={() => {
          setKey(newIdempotencyKey());
          setReason('');
          reverse.reset();
          setOpen(true);
        }}
        aria-label={t('finance.reverse.labelFor', { receipt: contribution.receiptNumber })}
      >
        {t('finance.reverse.action')}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t('finance.reverse.title')} centered>
        <Stack gap="sm">
          <Text>{t('finance.reverse.confirm', { receipt: contribution.receiptNumber })}</Text>
          {reverse.error && <ProblemAlert error={reverse.error} fields={['reason']} />}
          <Textarea
            id="reverse-reason"
            label={t('finance.reverse.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('finance.cancel')}
            </Button>
            <Button color="red" disabled={!reason.trim()} loading={reverse.isPending} onClick={send}>
              {t('finance.reverse.action')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
