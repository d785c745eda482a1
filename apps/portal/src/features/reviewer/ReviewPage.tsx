import '../review/mantine-staff.css';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { declareConflict, listMyAssignments, submitAssignment } from '../../api/sdk.gen';
import type { AssignmentView, CallView } from '../../api/types.gen';
import { countryName, formatNumber } from '../../lib/format';
import { applicationQuery, callQuery, meQuery } from '../../lib/queries';
import { useStaffCatalog } from '../../lib/i18n/staff';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { scoreOf, weightedTotal } from './scoring';
import { useScoreDraft } from './use-score-draft';

/**
 * One assignment: the application as the reviewer may see it (no applicant on a blind call: the API leaves
 * it out), a conflict to declare, or the rubric to score with a running total, kept as a draft, then
 * submitted and locked. Only the reviewer's own assignment is ever read here.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  useTitle('reviewer.scoreTitle');
  const token = useAccessToken();
  const strings = useStaffCatalog();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const mine = useQuery({
    queryKey: ['my-assignments'],
    queryFn: async () => (await listMyAssignments({ query: { limit: 500 }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  const assignment = mine.data?.find((a) => a.id === id);
  const app = useQuery({
    ...applicationQuery({ path: { id: assignment?.applicationId ?? '' } }),
    enabled: Boolean(token && assignment),
  });
  const call = useQuery({
    ...callQuery({ path: { id: assignment?.callId ?? '' } }),
    enabled: Boolean(token && assignment),
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (!strings) return <Loading />;
  const error = mine.error ?? app.error ?? call.error;
  if (error) return <ProblemAlert error={error} />;
  if (mine.data && !assignment) return <ProblemAlert error={{ type: '/problems/not-found', status: 404 }} />;
  if (!assignment || !app.data || !call.data || !me.data) return <Loading />;
  const a = app.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/reviews">
        {t('reviewer.back')}
      </Anchor>
      <Title order={1}>
        <bdi>{a.title}</bdi>
      </Title>
      {call.data.blind && <Text size="sm">{t('reviewer.blind')}</Text>}
      <Paper withBorder p="md">
        <Stack gap={4}>
          {a.organizationName && (
            <Text>
              {t('reviewer.organization')} <bdi>{a.organizationName}</bdi>
            </Text>
          )}
          <Text>
            {t('reviewer.requested')} <MoneyText amount={a.requested} currency={a.currency} />
          </Text>
          <Text>
            {t('reviewer.countries')} {a.countries.map((c) => countryName(c, locale)).join(', ')}
          </Text>
          <Text>
            {t('reviewer.services')} {a.services.map((s) => t(`services.${s}`)).join(', ')}
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>
            <bdi>{a.summary}</bdi>
          </Text>
          {a.attachments.length > 0 && (
            <Text size="sm">
              {t('reviewer.files')} {a.attachments.map((f) => f.filename).join(', ')}
            </Text>
          )}
        </Stack>
      </Paper>
      {assignment.status === 'conflict' ? (
        <Alert color="un" variant="light" title={t('reviewer.conflictDeclared')}>
          <bdi>{assignment.conflictReason}</bdi>
        </Alert>
      ) : (
        <Scoring assignment={assignment} call={call.data} owner={me.data.id} />
      )}
    </Stack>
  );
}

function Scoring({ assignment, call, owner }: { assignment: AssignmentView; call: CallView; owner: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const locked = assignment.status === 'submitted';
  const draft = useScoreDraft(assignment, call.rubric, owner, locked);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['my-assignments'] });
  const conflict = useMutation({
    mutationFn: async () =>
      (await declareConflict({ path: { id: assignment.id }, body: { reason }, throwOnError: true })).data,
    onSuccess: async () => {
      await draft.forget();
      refresh();
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      await draft.flush();
      return (await submitAssignment({ path: { id: assignment.id }, throwOnError: true })).data;
    },
    onSuccess: async () => {
      await draft.forget();
      refresh();
    },
  });
  if (!draft.form) return <Loading />;
  const form = draft.form;
  const total = weightedTotal(call.rubric, form);
  return (
    <Stack gap="md">
      {!locked && (
        <section aria-labelledby="conflict-title">
          <Title order={2} id="conflict-title">
            {t('reviewer.conflictTitle')}
          </Title>
          {!conflictOpen ? (
            <Button variant="outline" color="red.9" onClick={() => setConflictOpen(true)}>
              {t('reviewer.declareConflict')}
            </Button>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (reason.trim()) conflict.mutate();
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={t('reviewer.conflictReason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  required
                  maxLength={2000}
                />
                {conflict.error && <ProblemAlert error={conflict.error} />}
                <Group>
                  <Button type="submit" color="red.9" disabled={!reason.trim()} loading={conflict.isPending}>
                    {t('reviewer.confirmConflict')}
                  </Button>
                  <Button variant="subtle" onClick={() => setConflictOpen(false)}>
                    {t('reviewer.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </section>
      )}
      <section aria-labelledby="scores-title">
        <Title order={2} id="scores-title">
          {t('reviewer.scoresTitle')}
        </Title>
        {locked && <Text>{t('reviewer.locked')}</Text>}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!locked) submit.mutate();
          }}
        >
          <Stack gap="sm">
            {call.rubric.map((c) => {
              const value = form[c.key] ?? { score: '', comment: '' };
              const bad = value.score.trim() !== '' && scoreOf(value.score, c.maxScore) === null;
              return (
                <fieldset key={c.key} className="criterion">
                  <legend>
                    <bdi>{c.label}</bdi>
                  </legend>
                  <Text size="sm">{t('reviewer.guidance', { weight: c.weight, max: c.maxScore })}</Text>
                  <TextInput
                    label={t('reviewer.scoreOf', { label: c.label, max: c.maxScore })}
                    inputMode="numeric"
                    value={value.score}
                    readOnly={locked}
                    error={bad ? t('reviewer.scoreRange', { max: c.maxScore }) : undefined}
                    onChange={(e) =>
                      draft.change({ ...form, [c.key]: { ...value, score: e.currentTarget.value } })
                    }
                    w={160}
                  />
                  <Textarea
                    label={t('reviewer.commentOf', { label: c.label })}
                    value={value.comment}
                    readOnly={locked}
                    maxLength={4000}
                    autosize
                    minRows={2}
                    onChange={(e) =>
                      draft.change({ ...form, [c.key]: { ...value, comment: e.currentTarget.value } })
                    }
                  />
                </fieldset>
              );
            })}
            <Text fw={700} role="status" aria-live="polite" data-testid="running-total">
              {t('reviewer.total', { total: formatNumber(total, locale) })}
            </Text>
            {!locked && <SaveStatus state={draft.state} />}
            {draft.problem != null && <ProblemAlert error={draft.problem} />}
            {submit.error && <ProblemAlert error={submit.error} />}
            {!locked && (
              <Group>
                <Button type="submit" disabled={!draft.complete} loading={submit.isPending}>
                  {t('reviewer.submit')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </section>
    </Stack>
  );
}
