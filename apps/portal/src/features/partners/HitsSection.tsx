import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useRefresh } from './DueDiligencePage';
import {
  clearScreeningHitMutation,
  confirmScreeningHitMutation,
  type HitView,
  partnerProblemKey,
} from './partners-queries';
import { ReasonDecision } from './ReasonDecision';

const COLOR = { open: 'red.9', cleared: 'teal.9', confirmed: 'red.9' } as const;

/** The sanctions screening hits: each open one cleared as a false positive or confirmed, with a reason. */
export function HitsSection({
  organizationId,
  hits,
  canAct,
}: {
  organizationId: string;
  hits: HitView[];
  canAct: boolean;
}) {
  const { t } = useTranslation();
  if (hits.length === 0) return <Text size="sm">{t('partners.hits.none')}</Text>;
  return (
    <Stack gap="sm" data-testid="hits">
      {hits.map((h) => (
        <Hit key={h.id} hit={h} organizationId={organizationId} canAct={canAct} />
      ))}
    </Stack>
  );
}

function Hit({ hit: h, organizationId, canAct }: { hit: HitView; organizationId: string; canAct: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefresh(organizationId);
  const clear = useMutation({ ...clearScreeningHitMutation(), onSuccess: refresh });
  const confirm = useMutation({ ...confirmScreeningHitMutation(), onSuccess: refresh });
  const error = clear.error ?? confirm.error;
  const options = (reason: string) => ({ path: { hitId: h.id }, body: { reason } });
  const status = h.status as keyof typeof COLOR;
  return (
    <Paper withBorder p="sm" data-hit={h.dataId} data-status={h.status}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color={COLOR[status]}>
            {t(`partners.hits.status.${status}`)}
          </Badge>
          <Text fw={600}>
            <bdi>{h.entryName}</bdi>
          </Text>
        </Group>
        <Text size="sm">
          {t('partners.hits.matched', {
            subject: h.subject,
            score: formatNumber(Math.round(h.score * 100), locale),
            dataId: h.dataId,
          })}
        </Text>
        <Text size="sm">{t('partners.hits.raised', { date: formatDate(h.createdAt, locale) })}</Text>
        {h.reason && (
          <Text size="sm">
            {t('partners.hits.reason')}: <bdi>{h.reason}</bdi>
          </Text>
        )}
        {canAct && h.status === 'open' && (
          <ReasonDecision
            id={`hit-reason-${h.id}`}
            label={t('partners.hits.reasonLabel', { name: h.entryName })}
            yes={{
              label: t('partners.hits.clear'),
              testId: 'clear-hit',
              pending: clear.isPending,
              onDecide: (reason) => clear.mutate(options(reason)),
            }}
            no={{
              label: t('partners.hits.confirm'),
              testId: 'confirm-hit',
              pending: confirm.isPending,
              onDecide: (reason) => confirm.mutate(options(reason)),
            }}
          />
        )}
        {error && <ProblemAlert error={error} messageKey={partnerProblemKey(error)} />}
      </Stack>
    </Paper>
  );
}
