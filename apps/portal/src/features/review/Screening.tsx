import { Alert, Button, Group, List, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { screenApplication, screenApplications } from '../../api/sdk.gen';
import type { ApplicationView, BulkScreeningView } from '../../api/types.gen';
import { type Filters, filterQuery } from './filters';

function Verdict({
  legend,
  eligible,
  setEligible,
  reason,
  setReason,
}: {
  legend: string;
  eligible: string;
  setEligible: (v: string) => void;
  reason: string;
  setReason: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Radio.Group label={legend} value={eligible} onChange={setEligible} required>
        <Group gap="sm" mt={4}>
          <Radio value="yes" label={t('screening.eligible')} />
          <Radio value="no" label={t('screening.ineligible')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('screening.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        maxLength={2000}
        autosize
        minRows={2}
      />
    </>
  );
}

/** Screening one application: eligible or not, with the reason. */
export function ScreenOne({ app, onDone }: { app: ApplicationView; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [eligible, setEligible] = useState('');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: async () =>
      (
        await screenApplication({
          path: { id: app.id },
          body: { eligible: eligible === 'yes', reason },
          throwOnError: true,
        })
      ).data,
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
  });
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('screening.screen', { title: app.title })}
      </Button>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (eligible && reason.trim()) save.mutate();
      }}
    >
      <Stack gap="xs">
        <Verdict
          legend={t('screening.verdictFor', { title: app.title })}
          eligible={eligible}
          setEligible={setEligible}
          reason={reason}
          setReason={setReason}
        />
        {save.error && <ProblemAlert error={save.error} />}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending} disabled={!eligible || !reason.trim()}>
            {t('screening.save')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
            {t('screening.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The same verdict for every application the filters match (all pages), then what changed. */
export function BulkScreening({
  callId,
  filters,
  total,
  onDone,
}: {
  callId: string;
  filters: Filters;
  total: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [eligible, setEligible] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<BulkScreeningView | null>(null);
  const run = useMutation({
    mutationFn: async () =>
      (
        await screenApplications({
          path: { id: callId },
          body: { eligible: eligible === 'yes', reason, filter: filterQuery(filters) },
          throwOnError: true,
        })
      ).data,
    onSuccess: (data) => {
      setResult(data);
      setReason('');
      setEligible('');
      onDone();
    },
  });
  return (
    <section aria-labelledby={headingId}>
      <Text fw={700} id={headingId} component="h2" size="lg">
        {t('screening.bulkTitle')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (eligible && reason.trim() && total > 0) run.mutate();
        }}
      >
        <Stack gap="xs">
          <Verdict
            legend={t('screening.bulkVerdict', { count: total })}
            eligible={eligible}
            setEligible={setEligible}
            reason={reason}
            setReason={setReason}
          />
          <Group>
            <Button
              type="submit"
              loading={run.isPending}
              disabled={!eligible || !reason.trim() || total === 0}
            >
              {t('screening.bulkApply', { count: total })}
            </Button>
          </Group>
        </Stack>
      </form>
      {run.error && <ProblemAlert error={run.error} />}
      {result && (
        <Alert role="status" color="un" variant="light" title={t('screening.summaryTitle')} mt="sm">
          <Text>
            {t('screening.summary', {
              matched: result.matched,
              changed: result.changed.length,
              failed: result.failed.length,
            })}
          </Text>
          {result.failed.length > 0 && (
            <List size="sm" mt="xs">
              {result.failed.map((f) => (
                <List.Item key={f.id}>
                  {t('screening.leftAs', { title: f.title, status: t(`screening.statuses.${f.status}`) })}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </section>
  );
}
