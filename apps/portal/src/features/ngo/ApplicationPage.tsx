import './mantine-ngo.css';
import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applicationQuery, withdrawApplicationMutation } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { ApplicationSummary } from './ApplicationSummary';
import { ngoProblemKey } from './ngo-problems';
import { Dialog } from '../../components/Dialog';

const WITHDRAWABLE = ['draft', 'submitted', 'eligible'];

/** A submitted application, read-only, with its history; withdrawing it asks first. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useTitle('ngo.application.title');
  const token = useAccessToken();
  const queryClient = useQueryClient();
  const app = useQuery({ ...applicationQuery({ path: { id } }), enabled: Boolean(token) });
  const [asking, setAsking] = useState(false);
  const withdraw = useMutation({
    ...withdrawApplicationMutation(),
    onSuccess: (data) => {
      setAsking(false);
      queryClient.setQueryData(applicationQuery({ path: { id } }).queryKey, data);
      void queryClient.invalidateQueries({ queryKey: [{ _id: 'listApplications' }] });
    },
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (app.error) return <ProblemAlert error={app.error} />;
  if (!app.data) return <Loading />;
  const a = app.data;
  if (a.status === 'draft') return <Navigate to={`/calls/${a.callId}/apply`} replace />;
  const events: [string, string | null][] = [
    ['created', a.createdAt],
    ['submitted', a.submittedAt],
    ['screened', a.screenedAt],
    ['decided', a.decidedAt],
    ['withdrawn', a.withdrawnAt],
  ];
  const history = events
    .filter((e): e is [string, string] => e[1] !== null)
    .sort((x, y) => x[1].localeCompare(y[1]));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/dashboard">
        {t('ngo.backToDashboard')}
      </Anchor>
      <Title order={1}>{a.title}</Title>
      <Group>
        <Text fw={600}>{t('ngo.status.label')}</Text>
        <Badge variant="outline" color="un.8" data-testid="application-status">
          {t(`ngo.status.${a.status}`)}
        </Badge>
      </Group>
      <Text>{t('ngo.application.readOnly')}</Text>
      {a.eligibilityReason && <Text>{a.eligibilityReason}</Text>}
      <ApplicationSummary
        title={a.title}
        summary={a.summary}
        countries={a.countries}
        services={a.services}
        expectedVictims={a.expectedVictims}
        budget={a.budget}
        currency={a.currency}
      />
      {a.attachments.length > 0 && (
        <>
          <Title order={2}>{t('ngo.application.attachments')}</Title>
          <List>
            {a.attachments.map((f) => (
              <List.Item key={f.id}>
                <bdi>{f.filename}</bdi>
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Title order={2}>{t('ngo.application.history')}</Title>
      <List data-testid="application-history">
        {history.map(([event, at]) => (
          <List.Item key={event}>
            {t(`ngo.history.${event}`)}: <DateText value={at} />
          </List.Item>
        ))}
      </List>
      {withdraw.error && <ProblemAlert error={withdraw.error} messageKey={ngoProblemKey(withdraw.error)} />}
      {WITHDRAWABLE.includes(a.status) && (
        <Group>
          <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
            {t('ngo.application.withdraw')}
          </Button>
        </Group>
      )}
      <Dialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('ngo.application.withdrawTitle')}
        centered
      >
        <Text>{t('ngo.application.withdrawText')}</Text>
        <Group mt="md" justify="flex-end">
          <Button variant="outline" onClick={() => setAsking(false)}>
            {t('ngo.application.keep')}
          </Button>
          <Button
            color="red.9"
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate({ path: { id } })}
          >
            {t('ngo.application.confirmWithdraw')}
          </Button>
        </Group>
      </Dialog>
    </Stack>
  );
}
