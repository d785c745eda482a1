import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { meQuery, type UserView } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useAttemptKey } from '../grants-admin/attempt-key';
import { AgreementCard } from './AgreementCard';
import { AmendmentRequest } from './AmendmentRequest';
import { OfferCard } from './OfferCard';
import {
  acceptGrantOfferMutation,
  declineGrantOfferMutation,
  LANGUAGES,
  listTeamMembersOptions,
  type PostAwardView,
  signGrantAgreementAsGranteeMutation,
  usePostAward,
  usePostAwardChanged,
} from './post-award-api';
import { AmendmentsTable, AssuranceSummary, BudgetTable, ScheduleSection } from './PostAwardParts';
import { ReasonDialog } from './ReasonDialog';

/**
 * The grantee's side of the grant after the award (ADR 0012), as sections of the NGO's grant page: the offer
 * to accept (the agreement's language and signatory) or decline, the agreement to download and sign, the
 * report schedule, amendments to request and follow, and what the fund's checks found.
 */
export function NgoPostAward({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const token = useAccessToken();
  const pa = usePostAward(grantId);
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  if (pa.error) return <ProblemAlert error={pa.error} />;
  if (!pa.data || !me.data) return <Loading />;
  const v = pa.data;
  const accepted = v.workflow === 'simple' || v.offer.state === 'accepted';
  return (
    <Stack gap="md">
      {v.workflow === 'full' && <Offer pa={v} me={me.data} />}
      {v.workflow === 'full' && v.agreement.current && <Agreement pa={v} me={me.data} />}
      <ScheduleSection pa={v} />
      <Section id="pa-budget" title={t('postAward.budget.title')}>
        <BudgetTable pa={v} />
      </Section>
      {accepted && (
        <Section id="pa-amendments" title={t('postAward.amendments.title')}>
          <Stack gap="sm">
            <AmendmentsTable pa={v} />
            {v.status === 'active' && <AmendmentRequest pa={v} owner={me.data.id} />}
          </Stack>
        </Section>
      )}
      {(v.assurance.length > 0 || v.findings.length > 0) && (
        <Section id="pa-assurance" title={t('postAward.assurance.title')}>
          <AssuranceSummary pa={v} />
        </Section>
      )}
    </Stack>
  );
}

function Offer({ pa, me }: { pa: PostAwardView; me: UserView }) {
  return (
    <OfferCard pa={pa}>
      {pa.offer.state === 'offered' && pa.status === 'active' && <Answer pa={pa} me={me} />}
    </OfferCard>
  );
}

/** Accept (the agreement's language and signatory among the organization's members) or decline. */
function Answer({ pa, me }: { pa: PostAwardView; me: UserView }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const team = useQuery({ ...listTeamMembersOptions(), enabled: me.isOrgAdmin });
  const members = (team.data?.items ?? []).filter((m) => m.active && m.roles.includes('ngo'));
  const people = members.length ? members : [{ id: me.id, name: me.name, email: me.email }];
  const [language, setLanguage] = useState<string>(me.locale);
  const [signatory, setSignatory] = useState(me.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const key = useAttemptKey();
  const accept = useMutation({ ...acceptGrantOfferMutation(), onSuccess: changed });
  const decline = useMutation({
    ...declineGrantOfferMutation(),
    onSuccess: () => {
      key.settle();
      setDeclining(false);
      changed();
    },
    onError: (e) => key.settle(e),
  });
  return (
    <Stack gap="sm">
      {accept.error && <ProblemAlert error={accept.error} />}
      <NativeSelect
        id="pa-language"
        label={t('postAward.offer.language')}
        description={t('postAward.offer.languageHint')}
        value={language}
        onChange={(e) => setLanguage(e.currentTarget.value)}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`postAward.languages.${l}`) }))}
      />
      <NativeSelect
        id="pa-signatory"
        label={t('postAward.offer.signatory')}
        description={t('postAward.offer.signatoryHint')}
        value={signatory}
        onChange={(e) => setSignatory(e.currentTarget.value)}
        data={people.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))}
      />
      <Group gap="sm">
        <Button
          loading={accept.isPending}
          onClick={() =>
            accept.mutate({
              path: { id: pa.grantId },
              body: { language: language as (typeof LANGUAGES)[number], signatoryId: signatory },
            })
          }
        >
          {t('postAward.offer.accept')}
        </Button>
        <Button variant="outline" color="red.9" onClick={() => setDeclining(true)}>
          {t('postAward.offer.decline')}
        </Button>
      </Group>
      <ReasonDialog
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t('postAward.offer.declineTitle')}
        warning={t('postAward.offer.declineWarning')}
        inputId="pa-decline-reason"
        reason={reason}
        onReason={setReason}
        error={decline.error}
        pending={decline.isPending}
        confirmLabel={t('postAward.offer.declineYes')}
        cancelLabel={t('postAward.offer.declineNo')}
        onConfirm={(text) =>
          decline.mutate({
            path: { id: pa.grantId },
            headers: { 'Idempotency-Key': key.get() },
            body: { reason: text },
          })
        }
      />
    </Stack>
  );
}

/** The agreement's current version: download it, and (the named signatory) sign the version read. */
function Agreement({ pa, me }: { pa: PostAwardView; me: UserView }) {
  const { t } = useTranslation();
  const changed = usePostAwardChanged();
  const sign = useMutation({ ...signGrantAgreementAsGranteeMutation(), onSuccess: changed });
  const a = pa.agreement;
  const mine = pa.offer.signatoryId === me.id;
  return (
    <AgreementCard
      pa={pa}
      signature={{
        may: mine && !a.signedByGrantee && pa.status === 'active',
        label: (current) => t('postAward.agreement.sign', { n: current.version }),
        pending: sign.isPending,
        onSign: (current) =>
          sign.mutate({
            path: { id: pa.grantId },
            body: { version: current.version, sha256: current.sha256 },
          }),
      }}
      hint={!mine && !a.signedByGrantee && t('postAward.agreement.notYourSignature')}
      error={sign.error}
    />
  );
}
