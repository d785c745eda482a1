import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  closeCallMutation,
  openCallMutation,
  publishCallMutation,
} from '../../api/@tanstack/react-query.gen';
import type { CallWarning } from '../../api/types.gen';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { CallFacts } from './CallFacts';
import { countryName, currencyExponent } from '../../lib/format';
import { callQuery, meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { SERVICES } from '../ngo/application-form';
import { type CallForm, type Service, validateCall } from './call-form';
import { RubricEditor } from './RubricEditor';
import { useCallDraft } from './use-call-draft';

const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/** A call of the fund manager's: the draft's form (autosaved), or the call's facts, with its next step. */
export function CallEditPage() {
  const { t } = useTranslation();
  const title = useTitle('callsAdmin.editTitle');
  const { id } = useParams();
  const [params] = useSearchParams();
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const call = useQuery({ ...callQuery({ path: { id: id ?? '' } }), enabled: Boolean(token && id) });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (!me.data || (id && call.isPending)) return <Loading />;
  if (call.error) return <ProblemAlert error={call.error} />;
  const existing = call.data;
  const fundId = existing?.fundId ?? params.get('fund') ?? '';
  return (
    <Stack gap="md">
      <Title order={1}>{existing ? existing.title || title : t('callsAdmin.newTitle')}</Title>
      <Anchor component={Link} to={`/manage/calls?fund=${fundId}`}>
        {t('callsAdmin.back')}
      </Anchor>
      {existing && existing.status !== 'draft' ? (
        <>
          <CallFacts call={existing} />
          <CallActions id={existing.id} status={existing.status} />
        </>
      ) : (
        <DraftForm
          key={existing?.id ?? 'new'}
          fundId={fundId}
          existing={existing}
          owner={me.data.id}
          currency={existing?.currency ?? 'USD'}
        />
      )}
    </Stack>
  );
}

function DraftForm({
  fundId,
  existing,
  owner,
  currency,
}: {
  fundId: string;
  existing: Parameters<typeof useCallDraft>[1];
  owner: string;
  currency: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const exponent = currencyExponent(currency);
  const [zone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const draft = useCallDraft(fundId, existing, exponent, owner, zone);
  const navigate = useNavigate();
  const [countriesText, setCountriesText] = useState<string | null>(null);
  if (!draft.form) return <Loading />;
  const form = draft.form;
  const errors = validateCall(form, exponent);
  const set = (patch: Partial<CallForm>) => draft.change({ ...form, ...patch });
  // An empty field is not flagged while typing; a value that cannot be used is.
  const err = (k: string) =>
    errors[k] && errors[k] !== 'callsAdmin.errors.required' ? t(errors[k]) : undefined;
  const countries = countriesText ?? form.eligibleCountries.join(', ');
  return (
    <Stack gap="md">
      <SaveStatus state={draft.state} />
      {draft.problem ? <ProblemAlert error={draft.problem} /> : null}
      <TextInput
        id="call-title"
        label={t('callsAdmin.fields.title')}
        required
        value={form.title}
        error={err('title')}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Textarea
        id="call-description"
        label={t('callsAdmin.fields.description')}
        rows={4}
        value={form.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
      />
      <Checkbox.Group
        label={t('callsAdmin.fields.themes')}
        value={form.themes}
        onChange={(themes) => set({ themes: themes as Service[] })}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
          {SERVICES.map((s) => (
            <Checkbox key={s} value={s} label={t(`services.${s}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        id="call-countries"
        label={t('callsAdmin.fields.countries')}
        description={
          form.eligibleCountries.length > 0
            ? form.eligibleCountries.map((c) => countryName(c, locale)).join(', ')
            : t('callsAdmin.fields.countriesHelp')
        }
        value={countries}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setCountriesText(text);
          const codes = text
            .toUpperCase()
            .split(/[\s,;]+/)
            .filter((c) => /^[A-Z]{2}$/.test(c));
          set({ eligibleCountries: [...new Set(codes)] });
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(['minAward', 'maxAward', 'envelope'] as const).map((f) => (
          <TextInput
            key={f}
            id={`call-${f}`}
            label={t(`callsAdmin.fields.${f}`, { currency })}
            inputMode="decimal"
            value={form[f]}
            error={err(f)}
            onChange={(e) => set({ [f]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          id="call-deadline"
          type="datetime-local"
          label={t('callsAdmin.fields.deadline')}
          value={form.deadlineLocal}
          error={err('deadline')}
          onChange={(e) => set({ deadlineLocal: e.currentTarget.value })}
        />
        <NativeSelect
          id="call-zone"
          label={t('callsAdmin.fields.timeZone')}
          value={form.timeZone}
          data={ZONES.includes(form.timeZone) ? ZONES : [form.timeZone, ...ZONES]}
          onChange={(e) => set({ timeZone: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        id="call-blind"
        label={t('callsAdmin.fields.blind')}
        checked={form.blind}
        onChange={(e) => set({ blind: e.currentTarget.checked })}
      />
      <RubricEditor rubric={form.rubric} errors={errors} onChange={(rubric) => set({ rubric })} />
      {draft.callId && (
        <CallActions
          id={draft.callId}
          status="draft"
          beforeAction={draft.flush}
          onPublished={() => void navigate(`/manage/calls/${draft.callId}`, { replace: true })}
          blocked={Object.keys(errors).length > 0 || draft.state === 'rejected'}
        />
      )}
    </Stack>
  );
}

/** Publish, open or close as the call's status allows; the API's warnings on opening are shown. */
export function CallActions({
  id,
  status,
  beforeAction,
  onPublished,
  blocked = false,
}: {
  id: string;
  status: string;
  beforeAction?: () => Promise<void>;
  onPublished?: () => void;
  blocked?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [warnings, setWarnings] = useState<CallWarning[]>([]);
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'getCall' }] });
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'listCalls' }] });
  };
  const publish = useMutation({
    ...publishCallMutation(),
    onSuccess: () => {
      done();
      onPublished?.();
    },
  });
  const open = useMutation({
    ...openCallMutation(),
    onSuccess: (data) => {
      setWarnings(data.warnings ?? []);
      done();
    },
  });
  const close = useMutation({ ...closeCallMutation(), onSuccess: done });
  const error = publish.error ?? open.error ?? close.error;
  const run = async (m: typeof publish) => {
    await beforeAction?.();
    m.mutate({ path: { id } });
  };
  return (
    <Stack gap="xs">
      {error && <ProblemAlert error={error} />}
      {warnings.length > 0 && (
        <Alert color="dark" variant="light" title={t('callsAdmin.warnings')} data-testid="open-warnings">
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={w.code}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        {status === 'draft' && (
          <Button onClick={() => void run(publish)} loading={publish.isPending} disabled={blocked}>
            {t('callsAdmin.actions.publish')}
          </Button>
        )}
        {status === 'published' && (
          <Button onClick={() => void run(open)} loading={open.isPending}>
            {t('callsAdmin.actions.open')}
          </Button>
        )}
        {status === 'open' && (
          <Button color="red.9" variant="outline" onClick={() => void run(close)} loading={close.isPending}>
            {t('callsAdmin.actions.close')}
          </Button>
        )}
      </Group>
      <Text size="sm" data-testid="call-status">
        {t('callsAdmin.statusIs', { status: t(`callsAdmin.status.${status}`) })}
      </Text>
    </Stack>
  );
}
