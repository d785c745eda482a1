import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { closePeriodMutation, type FundView } from './finance-api';
import { Dialog } from '../../components/Dialog';

/** Closes the fund's books up to a day (before today), after a confirmation; shows the closed-up-to day. */
export function ClosePeriod({ fund }: { fund: FundView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [through, setThrough] = useState('');
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    ...closePeriodMutation(),
    onSuccess: () => void client.invalidateQueries(),
    onSettled: () => setConfirming(false),
  });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  function ask(event: FormEvent) {
    event.preventDefault();
    if (through) setConfirming(true);
  }

  return (
    <Section id="close-title" title={t('finance.close.title')}>
      <Text size="sm" mb="xs">
        {t('finance.close.intro')}
      </Text>
      {close.error && <ProblemAlert error={close.error} fields={['through']} />}
      {close.data && (
        <Text role="status" fw={600} data-testid="closed-through">
          {close.data.closedThrough
            ? t('finance.close.closedThrough', { day: formatDate(close.data.closedThrough, locale) })
            : t('finance.close.open')}
        </Text>
      )}
      <form onSubmit={ask} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            id="close-through"
            label={t('finance.close.through')}
            value={through}
            max={yesterday}
            required
            onChange={(e) => setThrough(e.currentTarget.value)}
          />
          <Button type="submit" variant="outline" color="red" disabled={!through}>
            {t('finance.close.action')}
          </Button>
        </Group>
      </form>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('finance.close.confirmTitle')}
        centered
      >
        <Stack gap="sm">
          <Text>
            {t('finance.close.confirm', { fund: fund.code, day: through ? formatDate(through, locale) : '' })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('finance.cancel')}
            </Button>
            <Button
              color="red"
              loading={close.isPending}
              onClick={() => close.mutate({ path: { id: fund.id }, body: { through } })}
            >
              {t('finance.close.action')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Section>
  );
}
