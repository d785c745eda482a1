import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantView } from '../../api/types.gen';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useAttemptKey } from '../grants-admin/attempt-key';
import { AgreementCard } from './AgreementCard';
import { AssuranceManager } from './AssuranceManager';
import { OfferCard } from './OfferCard';
import {
  type AmendmentView,
  approveGrantAmendmentMutation,
  closeGrantMutation,
  type PostAwardView,
  rejectGrantAmendmentMutation,
  signGrantMutation,
  usePostAward,
  usePostAwardChanged,
  withdrawGrantOfferMutation,
} from './post-award-api';
import { AmendmentsTable, blockedItems, BudgetTable, OpenItems, ScheduleSection } from './PostAwardParts';
import { ReasonDialog } from './ReasonDialog';

/**
 * The fund manager's (and finance's) side of a grant after the award, as sections of the grant's page: the
 * offer and its answer date (withdraw), the agreement (countersign once the grantee signed; in the simple
 * workflow the one signature as before), the budget and schedule, amendments to decide, assurance, and the
 * close-out with what is still open.
 */
export function ManagerPostAward({
  grant,
  manager,
  finance,
}: {
  grant: GrantView;
  manager: boolean;
  finance: boolean;
}) {
  const { t } = useTranslation();
  const pa = usePostAward(grant.id);
  if (pa.error) return <ProblemAlert error={pa.error} />;
  if (!pa.data) return <Loading />;
  const v = pa.data;
  const active = v.status === 'active';
  return (
    <Stack gap="lg">
      {v.workflow === 'full' && <Offer pa={v} manager={manager} />}
      <Agreement pa={v} grant={grant} manager={manager} />
      <Section id="pa-budget" title={t('postAward.budget.title')}>
        <BudgetTable pa={v} />
      </Section>
      <ScheduleSection pa={v} />
      <Section id="pa-amendments" title={t('postAward.amendments.title')}>
        <AmendmentsTable
          pa={v}
          actions={
            manager && active
              ? (a) => a.state === 'requested' && <DecideAmendment grantId={v.grantId} a={a} />
              : undefined
          }
        />
      </Section>
      <AssuranceManager pa={v} manager={manager && active} finance={finance} />
      {manager && active && <CloseOut pa={v} />}
    </Stack>
  );
}

function Offer({ pa, manager }: { pa: PostAwardView; manager: boolean }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const key = useAttemptKey();
  const withdraw = useMutation({
    ...withdrawGrantOfferMutation(),
    onSuccess: () => {
      key.settle();
      setOpen(false);
      changed();
    },
    onError: (e) => key.settle(e),
  });
  return (
    <OfferCard
      pa={pa}
      dialog={
        <ReasonDialog
          opened={open}
          onClose={() => setOpen(false)}
          title={t('postAward.offer.withdrawTitle')}
          warning={t('postAward.offer.withdrawWarning')}
          inputId="pa-withdraw-reason"
          reason={reason}
          onReason={setReason}
          error={withdraw.error}
          pending={withdraw.isPending}
          confirmLabel={t('postAward.offer.withdrawYes')}
          cancelLabel={t('postAward.offer.withdrawNo')}
          onConfirm={(text) =>
            withdraw.mutate({
              path: { id: pa.grantId },
              headers: { 'Idempotency-Key': key.get() },
              body: { reason: text },
            })
          }
        />
      }
    >
      {manager && pa.offer.state === 'offered' && pa.status === 'active' && (
        <Group>
          <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>
            {t('postAward.offer.withdraw')}
          </Button>
        </Group>
      )}
    </OfferCard>
  );
}

/**
 * The agreement: in the full workflow the current version with both signatures and the countersignature
 * once the grantee signed; in the simple workflow the fund manager's one signature (as before the full one).
 */
function Agreement({ pa, grant, manager }: { pa: PostAwardView; grant: GrantView; manager: boolean }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const sign = useMutation({ ...signGrantMutation(), onSuccess: changed });
  const a = pa.agreement;
  if (pa.workflow === 'simple') {
    if (!manager || grant.status !== 'active' || grant.signed) return null;
    return (
      <Section id="grant-sign" title={t('grantsAdmin.agreement')}>
        {sign.error && <ProblemAlert error={sign.error} />}
        <Button onClick={() => sign.mutate({ path: { id: grant.id } })} loading={sign.isPending}>
          {t('grantsAdmin.sign')}
        </Button>
      </Section>
    );
  }
  return (
    <AgreementCard
      pa={pa}
      signature={{
        may: manager && pa.status === 'active' && !a.countersigned,
        disabled: !a.signedByGrantee,
        label: (current) => t('postAward.agreement.countersign', { n: current.version }),
        pending: sign.isPending,
        onSign: () => sign.mutate({ path: { id: pa.grantId } }),
      }}
      hint={manager && !a.signedByGrantee && t('postAward.agreement.waitingForGrantee')}
      error={sign.error}
    />
  );
}

/** Approve (an idempotent write: a cost extension commits money) or reject a requested amendment. */
function DecideAmendment({ grantId, a }: { grantId: string; a: AmendmentView }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const [note, setNote] = useState('');
  const key = useAttemptKey();
  const approve = useMutation({
    ...approveGrantAmendmentMutation(),
    onSuccess: () => {
      key.settle();
      changed();
    },
    onError: (e) => key.settle(e),
  });
  const reject = useMutation({ ...rejectGrantAmendmentMutation(), onSuccess: changed });
  const body = note.trim() ? { note: note.trim() } : {};
  return (
    <Stack gap="xs">
      {(approve.error || reject.error) && <ProblemAlert error={approve.error ?? reject.error} />}
      <TextInput
        size="xs"
        label={t('postAward.amendments.noteLabel', { n: a.version })}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="xs"
          loading={approve.isPending}
          onClick={() =>
            approve.mutate({
              path: { id: grantId, amendmentId: a.id },
              headers: { 'Idempotency-Key': key.get() },
              body,
            })
          }
        >
          {t('postAward.amendments.approve', { n: a.version })}
        </Button>
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          loading={reject.isPending}
          onClick={() => reject.mutate({ path: { id: grantId, amendmentId: a.id }, body })}
        >
          {t('postAward.amendments.reject', { n: a.version })}
        </Button>
      </Group>
    </Stack>
  );
}

/** The close-out: what is still open (the gate's list), and the button; a refusal names what blocked it. */
function CloseOut({ pa }: { pa: PostAwardView }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const close = useMutation({
    ...closeGrantMutation(),
    onSuccess: changed,
    onError: () => {
      changed();
      requestAnimationFrame(() => document.getElementById('close-blocked')?.focus());
    },
  });
  const blocked = blockedItems(close.error);
  return (
    <Section id="pa-close" title={t('postAward.closeOut.title')}>
      <Stack gap="sm">
        <Text>{t('postAward.closeOut.intro')}</Text>
        <OpenItems items={pa.open} pa={pa} />
        {blocked.length > 0 && (
          <Paper withBorder p="md" id="close-blocked" tabIndex={-1} role="alert" data-testid="close-blocked">
            <Text fw={600} c="red.9">
              {t('postAward.closeOut.refused', { count: blocked.length })}
            </Text>
            <OpenItems items={blocked} pa={pa} />
          </Paper>
        )}
        {close.error && !blocked.length && <ProblemAlert error={close.error} />}
        <Group>
          <Button
            color="red.9"
            variant="outline"
            loading={close.isPending}
            onClick={() => close.mutate({ path: { id: pa.grantId } })}
          >
            {t('postAward.closeOut.close')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
