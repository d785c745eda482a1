import { Button, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { Section } from '../../components/Section';
import { currencyExponent } from '../../lib/format';
import { meQuery } from '../../lib/queries';
import { parseAmount } from '../ngo/application-form';
import { useAttemptKey } from '../grants-admin/attempt-key';
import { EMPTY_FINDING, type FindingForm, findingsPayload } from './findings-form';
import {
  closeGrantActionPointMutation,
  completeGrantAssuranceMutation,
  planGrantAssuranceMutation,
  type PostAwardView,
  receiveGrantRefundMutation,
  usePostAwardChanged,
} from './post-award-api';
import { AssuranceSummary } from './PostAwardParts';
import { useDeviceDraft } from './use-device-draft';

/**
 * Assurance for the fund manager: the checks planned (by risk level at approval, or here by hand), their
 * findings with severity, action points and refunds; finance records a refund received (idempotent).
 */
export function AssuranceManager({
  pa,
  manager,
  finance,
}: {
  pa: PostAwardView;
  manager: boolean;
  finance: boolean;
}) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const [recording, setRecording] = useState<string | null>(null);
  const closePoint = useMutation({ ...closeGrantActionPointMutation(), onSuccess: changed });
  const key = useAttemptKey();
  const receive = useMutation({
    ...receiveGrantRefundMutation(),
    onSuccess: () => {
      key.settle();
      changed();
    },
    onError: (e) => key.settle(e),
  });
  const error = closePoint.error ?? receive.error;
  return (
    <Section id="pa-assurance" title={t('postAward.assurance.title')}>
      <Stack gap="sm">
        {error && <ProblemAlert error={error} />}
        <AssuranceSummary
          pa={pa}
          activityActions={
            manager
              ? (id) => (
                  <Button size="xs" variant="outline" onClick={() => setRecording(id)}>
                    {t('postAward.assurance.record')}
                  </Button>
                )
              : undefined
          }
          pointActions={
            manager
              ? (id) => (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="un.8"
                    loading={closePoint.isPending}
                    onClick={() => closePoint.mutate({ path: { id: pa.grantId, pointId: id } })}
                  >
                    {t('postAward.assurance.closePoint')}
                  </Button>
                )
              : undefined
          }
          refundActions={
            finance
              ? (id) => (
                  <Button
                    size="xs"
                    variant="outline"
                    loading={receive.isPending}
                    onClick={() =>
                      receive.mutate({
                        path: { id: pa.grantId, refundId: id },
                        headers: { 'Idempotency-Key': key.get() },
                        body: {},
                      })
                    }
                  >
                    {t('postAward.assurance.receive')}
                  </Button>
                )
              : undefined
          }
        />
        {manager && recording && (
          <RecordFindings pa={pa} activityId={recording} onDone={() => setRecording(null)} />
        )}
        {manager && <PlanActivity pa={pa} />}
      </Stack>
    </Section>
  );
}

function PlanActivity({ pa }: { pa: PostAwardView }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const [kind, setKind] = useState<'spot_check' | 'monitoring_visit' | 'audit'>('spot_check');
  const [plannedOn, setPlannedOn] = useState('');
  const [assignee, setAssignee] = useState('');
  const plan = useMutation({
    ...planGrantAssuranceMutation(),
    onSuccess: () => {
      setPlannedOn('');
      setAssignee('');
      changed();
    },
  });
  const finalReport = pa.reportSchedule.find((e) => e.final && e.reportId)?.reportId;
  function send(event: FormEvent) {
    event.preventDefault();
    plan.mutate({
      path: { id: pa.grantId },
      body: {
        kind,
        plannedOn,
        assignee: assignee.trim(),
        ...(kind === 'audit' && finalReport ? { reportId: finalReport } : {}),
      },
    });
  }
  return (
    <form onSubmit={send} noValidate>
      <Fieldset legend={t('postAward.assurance.planTitle')}>
        <Stack gap="sm">
          {plan.error && <ProblemAlert error={plan.error} fields={['kind', 'plannedOn', 'assignee']} />}
          <Group gap="sm" align="start" wrap="wrap">
            <NativeSelect
              id="plan-kind"
              label={t('postAward.assurance.kindLabel')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
              data={(['spot_check', 'monitoring_visit', 'audit'] as const).map((k) => ({
                value: k,
                label: t(`postAward.assurance.kind.${k}`),
              }))}
            />
            <TextInput
              id="plan-date"
              type="date"
              required
              label={t('postAward.assurance.plannedOn')}
              value={plannedOn}
              onChange={(e) => setPlannedOn(e.currentTarget.value)}
            />
            <TextInput
              id="plan-assignee"
              required
              label={t('postAward.assurance.assignee')}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
            />
          </Group>
          <Group>
            <Button
              type="submit"
              variant="outline"
              loading={plan.isPending}
              disabled={!plannedOn || !assignee.trim()}
            >
              {t('postAward.assurance.plan')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}

/** A check's findings (severity, text, ineligible costs, an action point), kept in this browser as typed. */
function RecordFindings({
  pa,
  activityId,
  onDone,
}: {
  pa: PostAwardView;
  activityId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useQuery(meQuery());
  const exponent = currencyExponent(pa.currency);
  const draft = useDeviceDraft<FindingForm[]>(`findings:${activityId}`, me.data?.id, [EMPTY_FINDING]);
  const forms = draft.value;
  const set = (i: number, patch: Partial<FindingForm>) =>
    draft.change(forms.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const changed = usePostAwardChanged();
  const [invalid, setInvalid] = useState(false);
  const complete = useMutation({
    ...completeGrantAssuranceMutation(),
    onSuccess: () => {
      void draft.forget();
      changed();
      onDone();
    },
  });
  const kind = pa.assurance.find((a) => a.id === activityId)?.kind ?? 'spot_check';
  function send(event: FormEvent) {
    event.preventDefault();
    const body = findingsPayload(forms, (text) => parseAmount(text, exponent));
    setInvalid(!body);
    if (body) complete.mutate({ path: { id: pa.grantId, activityId }, body });
  }
  return (
    <form onSubmit={send} noValidate aria-labelledby="findings-title">
      <Fieldset
        legend={
          <span id="findings-title">
            {t('postAward.assurance.findingsTitle', { kind: t(`postAward.assurance.kind.${kind}`) })}
          </span>
        }
      >
        <Stack gap="sm">
          {complete.error && <ProblemAlert error={complete.error} />}
          {invalid && (
            <Text c="red.9" role="alert">
              {t('postAward.errors.finding')}
            </Text>
          )}
          {forms.map((f, i) => (
            <Stack key={i} gap="xs">
              <Group gap="sm" align="start" wrap="wrap">
                <NativeSelect
                  id={`finding-${i}-severity`}
                  label={t('postAward.assurance.severity')}
                  value={f.severity}
                  onChange={(e) => set(i, { severity: e.currentTarget.value as FindingForm['severity'] })}
                  data={(['low', 'medium', 'high'] as const).map((s) => ({
                    value: s,
                    label: t(`postAward.severity.${s}`),
                  }))}
                />
                <TextInput
                  id={`finding-${i}-ineligible`}
                  inputMode="decimal"
                  label={t('postAward.assurance.ineligibleLabel', { currency: pa.currency })}
                  value={f.ineligible}
                  onChange={(e) => set(i, { ineligible: e.currentTarget.value })}
                />
              </Group>
              <Textarea
                id={`finding-${i}-text`}
                required
                autosize
                minRows={2}
                label={t('postAward.assurance.findingText')}
                value={f.text}
                onChange={(e) => set(i, { text: e.currentTarget.value })}
              />
              <Group gap="sm" align="start" wrap="wrap">
                <TextInput
                  id={`finding-${i}-point`}
                  label={t('postAward.assurance.pointText')}
                  value={f.point}
                  onChange={(e) => set(i, { point: e.currentTarget.value })}
                />
                <TextInput
                  id={`finding-${i}-owner`}
                  label={t('postAward.assurance.pointOwner')}
                  value={f.owner}
                  onChange={(e) => set(i, { owner: e.currentTarget.value })}
                />
                <TextInput
                  id={`finding-${i}-due`}
                  type="date"
                  label={t('postAward.assurance.pointDue')}
                  value={f.dueOn}
                  onChange={(e) => set(i, { dueOn: e.currentTarget.value })}
                />
              </Group>
            </Stack>
          ))}
          <Group justify="space-between" wrap="wrap">
            <Button variant="outline" size="xs" onClick={() => draft.change([...forms, EMPTY_FINDING])}>
              {t('postAward.assurance.addFinding')}
            </Button>
            <SaveStatus state={draft.state === 'idle' ? 'idle' : 'device'} />
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={complete.isPending}>
              {t('postAward.assurance.complete')}
            </Button>
            <Button variant="outline" color="gray.8" onClick={onDone}>
              {t('postAward.assurance.cancel')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
