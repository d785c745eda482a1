import './partners.css';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { fieldProblems } from '../../lib/problems';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { BankStep } from './BankStep';
import { DocumentsStep } from './DocumentsStep';
import { MissingList } from './MissingList';
import { OrganizationStep } from './OrganizationStep';
import { partnerProblemKey, partnerProfileQuery, type ProfileView } from './partners-queries';
import { PeopleStep } from './PeopleStep';
import { PoliciesStep } from './PoliciesStep';
import type { ProfileForm } from './profile-form';
import { useProfileDraft } from './use-profile-draft';

const STEPS = ['organization', 'people', 'policies', 'bank', 'documents'] as const;
type Step = (typeof STEPS)[number];

/** The fields the server may name in a problem, placed on the wizard's fields. */
export const SERVER_FIELDS = [
  'legalName',
  'registration.number',
  'registration.authority',
  'registration.country',
  'registration.date',
  'registration.expiry',
  'yearFounded',
  'bank.holder',
  'bank.bankName',
  'bank.bic',
  'bank.iban',
  'bank.accountNumber',
  'bank.country',
];

const BANK_FIELDS = ['bank.holder', 'bank.bic', 'bank.iban', 'bank.accountNumber'];

export interface StepProps {
  form: ProfileForm;
  set: (patch: Partial<ProfileForm>) => void;
  /** The server's message key for a field it refused, if any. */
  fieldError: (field: string) => string | undefined;
}

/** The NGO's due-diligence profile, step by step, saved as it is typed (issue 17). */
export function ProfileWizardPage() {
  const { t } = useTranslation();
  const title = useTitle('partners.wizard.title');
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const orgId = me.data?.organizationId ?? '';
  const profile = useQuery({
    ...partnerProfileQuery({ path: { organizationId: orgId } }),
    enabled: Boolean(orgId),
  });
  if (!token) return <Navigate to="/sign-in" replace state={{ back: '/organization/profile' }} />;
  const error = me.error ?? profile.error;
  return (
    <Stack gap="md" className="partners-page">
      <Anchor component={Link} to="/organization">
        {t('partners.wizard.back')}
      </Anchor>
      <Title order={1}>{title}</Title>
      {error ? (
        <ProblemAlert error={error} />
      ) : me.data && !orgId ? (
        <Text>{t('ngo.organization.none')}</Text>
      ) : !me.data || !profile.data ? (
        <Loading />
      ) : (
        <Wizard organizationId={orgId} owner={me.data.id} server={profile.data} />
      )}
    </Stack>
  );
}

function Wizard({
  organizationId,
  owner,
  server,
}: {
  organizationId: string;
  owner: string;
  server: ProfileView;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const step: Step = (STEPS as readonly string[]).includes(params.get('step') ?? '')
    ? (params.get('step') as Step)
    : 'organization';
  const draft = useProfileDraft(organizationId, owner, server);
  const profile = useQuery(partnerProfileQuery({ path: { organizationId } })).data ?? server;
  const form = draft.form;
  if (!form) return <Loading />;
  const fromServer = draft.problem ? fieldProblems(draft.problem, SERVER_FIELDS) : {};
  const fieldError = (field: string) =>
    fromServer[field]
      ? t(BANK_FIELDS.includes(field) ? `partners.serverField.${field.replace('.', '_')}` : 'problems.field')
      : undefined;
  const set = (patch: Partial<ProfileForm>) => draft.change({ ...form, ...patch });
  const go = (next: Step) => {
    void draft.flush();
    setParams((p) => {
      p.set('step', next);
      return p;
    });
    requestAnimationFrame(() => document.getElementById('step-title')?.focus());
  };
  const i = STEPS.indexOf(step);
  const props: StepProps = { form, set, fieldError };
  return (
    <>
      <Text>{t('partners.wizard.intro')}</Text>
      <SaveStatus state={draft.state} />
      {draft.problem != null && (
        <ProblemAlert
          error={draft.problem}
          fields={SERVER_FIELDS}
          messageKey={partnerProblemKey(draft.problem)}
        />
      )}
      <nav aria-label={t('partners.wizard.stepsLabel')}>
        <ol className="partners-steps">
          {STEPS.map((s, n) => (
            <li key={s}>
              <Button
                variant={s === step ? 'filled' : 'subtle'}
                size="xs"
                aria-current={s === step ? 'step' : undefined}
                onClick={() => go(s)}
              >
                {t('partners.wizard.stepN', { n: n + 1, name: t(`partners.steps.${s}`) })}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <Paper withBorder p="md" component="section" aria-labelledby="step-title">
        <Stack gap="md">
          <Title order={2} id="step-title" tabIndex={-1}>
            {t(`partners.steps.${step}`)}
          </Title>
          {step === 'organization' && <OrganizationStep {...props} />}
          {step === 'people' && <PeopleStep {...props} />}
          {step === 'policies' && <PoliciesStep {...props} />}
          {step === 'bank' && <BankStep {...props} profile={profile} />}
          {step === 'documents' && <DocumentsStep organizationId={organizationId} profile={profile} />}
          <Group justify="space-between">
            {i > 0 ? (
              <Button variant="outline" onClick={() => go(STEPS[i - 1])}>
                {t('partners.wizard.previous')}
              </Button>
            ) : (
              <span />
            )}
            {i < STEPS.length - 1 && (
              <Button onClick={() => go(STEPS[i + 1])} data-testid="wizard-next">
                {t('partners.wizard.next')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <MissingList profile={profile} pending={draft.pending} />
    </>
  );
}
