import { Badge, Button, Group, List, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useRefresh } from './DueDiligencePage';
import {
  actOnObservationMutation,
  type ObservationView,
  partnerProblemKey,
  raiseObservationMutation,
  WARN,
  CAUTION,
} from './partners-queries';

/** Observations (yellow, escalated to red; an open red flag blocks new awards), each with its history. */
export function ObservationsSection({
  organizationId,
  observations,
  canAct,
}: {
  organizationId: string;
  observations: ObservationView[];
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(organizationId);
  const [level, setLevel] = useState<'yellow' | 'red'>('yellow');
  const [note, setNote] = useState('');
  const raise = useMutation({
    ...raiseObservationMutation(),
    onSuccess: () => {
      setNote('');
      refresh();
    },
  });
  return (
    <Stack gap="md">
      {observations.length === 0 ? (
        <Text size="sm">{t('partners.observations.none')}</Text>
      ) : (
        observations.map((o) => (
          <Observation key={o.id} o={o} organizationId={organizationId} canAct={canAct} />
        ))
      )}
      {canAct && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) raise.mutate({ path: { organizationId }, body: { level, note: note.trim() } });
          }}
        >
          <Stack gap="sm">
            <Title order={3}>{t('partners.observations.raise')}</Title>
            <NativeSelect
              id="obs-level"
              label={t('partners.observations.level')}
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value as 'yellow' | 'red')}
              data={[
                { value: 'yellow', label: t('partners.observations.levels.yellow') },
                { value: 'red', label: t('partners.observations.levels.red') },
              ]}
              maw={320}
            />
            <Textarea
              id="obs-note"
              label={t('partners.observations.note')}
              required
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {raise.error && <ProblemAlert error={raise.error} messageKey={partnerProblemKey(raise.error)} />}
            <div>
              <Button type="submit" disabled={!note.trim()} loading={raise.isPending}>
                {t('partners.observations.raiseButton')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function Observation({
  o,
  organizationId,
  canAct,
}: {
  o: ObservationView;
  organizationId: string;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefresh(organizationId);
  const [note, setNote] = useState('');
  const act = useMutation({
    ...actOnObservationMutation(),
    onSuccess: () => {
      setNote('');
      refresh();
    },
  });
  const send = (action: 'escalate' | 'resolve') =>
    note.trim() && act.mutate({ path: { observationId: o.id }, body: { action, note: note.trim() } });
  return (
    <Paper withBorder p="sm" data-observation={o.level} data-status={o.status}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="outline" color={o.level === 'red' ? 'red.9' : CAUTION}>
            {t(`partners.observations.levels.${o.level}`)}
          </Badge>
          <Badge variant="outline" color={o.status === 'open' ? WARN : 'gray.8'}>
            {t(`partners.observations.status.${o.status}`)}
          </Badge>
        </Group>
        <List size="sm">
          {[...o.history].reverse().map((e, i) => (
            <List.Item key={i}>
              {t(`partners.observations.actions.${e.action}`, {
                level: t(`partners.observations.levels.${e.level}`),
              })}{' '}
              ({formatDateTime(e.at, locale)}): <bdi>{e.note}</bdi>
            </List.Item>
          ))}
        </List>
        {canAct && o.status === 'open' && (
          <>
            <Textarea
              id={`obs-${o.id}`}
              label={t('partners.observations.actNote')}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap="xs">
              {o.level === 'yellow' && (
                <Button
                  size="xs"
                  color="red.9"
                  variant="outline"
                  disabled={!note.trim()}
                  onClick={() => send('escalate')}
                >
                  {t('partners.observations.escalate')}
                </Button>
              )}
              <Button size="xs" variant="outline" disabled={!note.trim()} onClick={() => send('resolve')}>
                {t('partners.observations.resolve')}
              </Button>
            </Group>
          </>
        )}
        {act.error && <ProblemAlert error={act.error} messageKey={partnerProblemKey(act.error)} />}
      </Stack>
    </Paper>
  );
}
