import './mantine-ngo.css';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';

import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { countryName, currencyExponent } from '../../lib/format';
import { fieldProblems } from '../../lib/problems';
import {
  type ApplicationView,
  applicationQueryKey,
  applicationsQuery,
  callQuery,
  type CallView,
  meQuery,
  submitApplicationMutation,
} from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import {
  type ApplicationForm,
  budgetTotal,
  type FormErrors,
  parseAmount,
  type RuleMessage,
  type Service,
  validateForm,
} from './application-form';
import { ngoProblemKey } from './ngo-problems';
import { useApplicationDraft } from './use-application-draft';
import { Attachments } from '../attachments';
import { ApplicationSummary } from './ApplicationSummary';
import { BudgetEditor } from './BudgetEditor';

/** The application to a call: loads the call, the reader and any application of theirs to it. */
export function ApplyPage() {
  const { callId = '' } = useParams();
  const token = useAccessToken();
  useTitle('ngo.apply.title');
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const call = useQuery(callQuery({ path: { id: callId } }));
  const mine = useQuery({ ...applicationsQuery({ query: { callId } }), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace state={{ back: `/calls/${callId}/apply` }} />;
  const error = me.error ?? call.error ?? mine.error;
  if (error) return <ProblemAlert error={error} />;
  if (!me.data || !call.data || !mine.data) return <Loading />;
  const active = mine.data.items.find((a) => a.status !== 'withdrawn');
  if (active && active.status !== 'draft') return <Navigate to={`/applications/${active.id}`} replace />;
  return <ApplicationEditor call={call.data} owner={me.data.id} existing={active} />;
}

type Step = 'edit' | 'review';

function ApplicationEditor({
  call,
  owner,
  existing,
}: {
  call: CallView;
  owner: string;
  existing?: ApplicationView;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const exponent = currencyExponent(call.currency);
  const draft = useApplicationDraft(call, exponent, owner, existing);
  const [step, setStep] = useState<Step>('edit');
  const [showErrors, setShowErrors] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const submit = useMutation({
    ...submitApplicationMutation(),
    onSuccess: async (app) => {
      await draft.forget();
      // the attachments list cached the draft: the read-only page must see the submitted application
      queryClient.setQueryData(applicationQueryKey({ path: { id: app.id } }), app);
      void navigate(`/applications/${app.id}`);
    },
  });
  const form = draft.form;
  const errors = useMemo(() => (form ? validateForm(form, call, exponent) : {}), [form, call, exponent]);
  if (!form) return <Loading />;

  const serverFields = [
    'title',
    'summary',
    'countries',
    'services',
    'expectedVictims',
    'budget',
    ...form.budget.flatMap((_, i) => [
      `budget.${i}.category`,
      `budget.${i}.description`,
      `budget.${i}.amount`,
    ]),
  ];
  const serverProblem = draft.problem ?? submit.error;
  const fromServer = serverProblem ? fieldProblems(serverProblem, serverFields) : {};
  const message = (field: string): string | undefined => {
    const rule = (showErrors ? errors[field as keyof FormErrors] : undefined) as RuleMessage | undefined;
    if (rule) return t(rule.key, rule.values);
    return fromServer[field] ? t('problems.field') : undefined;
  };
  const set = (patch: Partial<ApplicationForm>) => draft.change({ ...form, ...patch });
  const total = budgetTotal(form.budget, exponent);

  function review() {
    setShowErrors(true);
    const first = firstErrorId(errors, form!);
    if (first) {
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    setStep('review');
    void draft.flush();
    requestAnimationFrame(() => document.getElementById('review-title')?.focus());
  }

  async function send() {
    await draft.flush();
    if (draft.applicationId) submit.mutate({ path: { id: draft.applicationId } });
  }

  const header = (
    <Stack gap={4}>
      <Anchor component={Link} to="/dashboard">
        {t('ngo.backToDashboard')}
      </Anchor>
      <Title order={1}>{t('ngo.apply.title')}</Title>
      <Text>
        {t('ngo.apply.forCall')} <bdi>{call.title}</bdi>
      </Text>
      <SaveStatus state={draft.state} />
      {draft.problem != null && (
        <ProblemAlert error={draft.problem} fields={serverFields} messageKey={ngoProblemKey(draft.problem)} />
      )}
    </Stack>
  );

  if (step === 'review') {
    return (
      <Stack gap="md">
        {header}
        <Title order={2} id="review-title" tabIndex={-1}>
          {t('ngo.review.title')}
        </Title>
        <Text>{t('ngo.review.intro')}</Text>
        <ApplicationSummary
          title={form.title}
          summary={form.summary}
          countries={form.countries}
          services={form.services}
          expectedVictims={form.expectedVictims}
          budget={form.budget.map((l) => ({ ...l, amount: parseAmount(l.amount, exponent) ?? 0 }))}
          currency={call.currency}
        />
        {submit.error && (
          <ProblemAlert error={submit.error} fields={serverFields} messageKey={ngoProblemKey(submit.error)} />
        )}
        <Checkbox
          label={t('ngo.review.confirm')}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
        />
        <Group>
          <Button variant="outline" onClick={() => setStep('edit')}>
            {t('ngo.review.back')}
          </Button>
          <Button
            onClick={() => void send()}
            disabled={!confirmed || !draft.applicationId}
            loading={submit.isPending}
            data-testid="submit-application"
          >
            {t('ngo.review.submit')}
          </Button>
        </Group>
        {!draft.applicationId && <Text size="sm">{t('ngo.review.notSavedYet')}</Text>}
        <Text size="sm">{t('ngo.review.afterSubmit')}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {header}
      <Paper
        withBorder
        p="md"
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          review();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('ngo.apply.autosave')}</Text>
          <TextInput
            id="f-title"
            label={t('ngo.fields.title')}
            required
            maxLength={200}
            value={form.title}
            error={message('title')}
            onChange={(e) => set({ title: e.currentTarget.value })}
          />
          <Textarea
            id="f-summary"
            label={t('ngo.fields.summary')}
            description={t('ngo.fields.summaryHelp')}
            required
            rows={6}
            resize="vertical"
            value={form.summary}
            error={message('summary')}
            onChange={(e) => set({ summary: e.currentTarget.value })}
          />
          <Checkbox.Group
            label={t('ngo.fields.countries')}
            description={t('ngo.fields.countriesHelp')}
            required
            value={form.countries}
            error={message('countries')}
            onChange={(countries) => set({ countries })}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
              {call.eligibleCountries
                .map((code) => ({ code, name: countryName(code, locale) }))
                .sort((a, b) => a.name.localeCompare(b.name, locale))
                .map(({ code, name }, i) => (
                  <Checkbox key={code} id={i === 0 ? 'f-countries' : undefined} value={code} label={name} />
                ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('ngo.fields.services')}
            required
            value={form.services}
            error={message('services')}
            onChange={(services) => set({ services: services as Service[] })}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
              {call.themes.map((s, i) => (
                <Checkbox
                  key={s}
                  id={i === 0 ? 'f-services' : undefined}
                  value={s}
                  label={t(`services.${s}`)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            id="f-expectedVictims"
            label={t('ngo.fields.expectedVictims')}
            description={t('ngo.fields.expectedVictimsHelp')}
            required
            inputMode="numeric"
            value={form.expectedVictims}
            error={message('expectedVictims')}
            onChange={(e) => set({ expectedVictims: e.currentTarget.value })}
            maw={240}
          />
          <BudgetEditor
            form={form}
            call={call}
            total={total}
            message={message}
            onChange={(budget) => set({ budget })}
          />
          {draft.applicationId ? (
            <Attachments applicationId={draft.applicationId} headingOrder={2} />
          ) : (
            <Text size="sm">{t('ngo.apply.attachmentsLater')}</Text>
          )}
          <Group>
            <Button type="submit" data-testid="review-application">
              {t('ngo.apply.review')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The id of the first field with a problem, in the order of the form. */
function firstErrorId(errors: FormErrors, form: ApplicationForm): string | null {
  const order = [
    'title',
    'summary',
    'countries',
    'services',
    'expectedVictims',
    ...form.budget.flatMap((_, i) => [
      `budget.${i}.category`,
      `budget.${i}.description`,
      `budget.${i}.amount`,
    ]),
    'budget',
  ];
  const first = order.find((f) => f in errors);
  if (!first) return null;
  return first === 'budget' ? 'budget-total' : `f-${first}`;
}
