import './mantine-ngo.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, currencyExponent, formatDate } from '../../lib/format';
import { fieldProblems } from '../../lib/problems';
import { applicationQuery, grantQuery, type GrantView, submitGrantReportMutation } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { type Service } from './application-form';
import { ngoProblemKey } from './ngo-problems';
import { type ReportErrors, reportPayload, type VictimsLineForm } from './report-form';

/** A grant as its organization sees it: the agreement, tranches, reports (and filing one), returns. */
export function GrantPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useTitle('ngo.grant.title');
  const token = useAccessToken();
  const grant = useQuery({ ...grantQuery({ path: { id } }), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (grant.error) return <ProblemAlert error={grant.error} />;
  if (!grant.data) return <Loading />;
  const g = grant.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/dashboard">
        {t('ngo.backToDashboard')}
      </Anchor>
      <Title order={1}>{g.title}</Title>
      <Agreement grant={g} />
      <Tranches grant={g} />
      <Reports grant={g} />
      {g.status === 'active' && <ReportForm grant={g} />}
      <Returns grant={g} />
    </Stack>
  );
}

function Agreement({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="agreement-title">
      <Title order={2} id="agreement-title">
        {t('ngo.grant.agreement')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            {t('ngo.status.label')}{' '}
            <Badge variant="outline" color="un.8">
              {t(`ngo.grantStatus.${g.status}`)}
            </Badge>
          </Text>
          <Text>
            {t('ngo.grant.award')} <MoneyText amount={g.amount} currency={g.currency} />
          </Text>
          <Text>
            {t('ngo.grant.disbursed')} <MoneyText amount={g.disbursed} currency={g.currency} />
          </Text>
          <Text>
            {t('ngo.grant.outstanding')} <MoneyText amount={g.outstanding} currency={g.currency} />
          </Text>
          <Text>
            {t('ngo.grant.approved')} <DateText value={g.approvedAt} />
          </Text>
          <Text>
            {g.signed && g.signedAt ? (
              <>
                {t('ngo.grant.signed')} <DateText value={g.signedAt} />
              </>
            ) : (
              t('ngo.grant.notSigned')
            )}
          </Text>
          <Text>
            {t('ngo.fields.countries')}: {g.countries.map((c) => countryName(c, locale)).join(', ')}
          </Text>
          {g.note && <Text style={{ whiteSpace: 'pre-line' }}>{g.note}</Text>}
        </Stack>
      </Paper>
    </section>
  );
}

function Tranches({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tranches-title">
      <Title order={2} id="tranches-title">
        {t('ngo.grant.tranches')}
      </Title>
      <div className="table-scroll">
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ngo.grant.trancheNumber')}</Table.Th>
              <Table.Th scope="col">{t('ngo.grant.amount')}</Table.Th>
              <Table.Th scope="col">{t('ngo.grant.condition')}</Table.Th>
              <Table.Th scope="col">{t('ngo.status.label')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.tranches.map((tr) => (
              <Table.Tr key={tr.n}>
                <Table.Td>{tr.n}</Table.Td>
                <Table.Td>
                  <MoneyText amount={tr.amount} currency={g.currency} />
                </Table.Td>
                <Table.Td>{t(`ngo.condition.${tr.condition}`)}</Table.Td>
                <Table.Td>
                  {t(`ngo.tranche.${tr.state}`)}
                  {tr.paidAt && (
                    <>
                      {' '}
                      <DateText value={tr.paidAt} />
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function Reports({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="reports-title">
      <Title order={2} id="reports-title">
        {t('ngo.grant.reports')}
      </Title>
      {g.reports.length === 0 && <Text>{t('ngo.grant.noReports')}</Text>}
      <Stack gap="xs" data-testid="grant-reports">
        {g.reports.map((r) => (
          <Paper key={r.id} withBorder p="sm">
            <Text fw={600}>
              {t('ngo.report.periodEnd')}: {formatDate(r.periodEnd, locale)} ·{' '}
              {t(`ngo.reportStatus.${r.status}`)}
            </Text>
            <Text size="sm">
              {t('ngo.report.spent')}: <MoneyText amount={r.spent} currency={g.currency} />
            </Text>
            {r.comment && <Text size="sm">{r.comment}</Text>}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function Returns({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="returns-title">
      <Title order={2} id="returns-title">
        {t('ngo.grant.returns')}
      </Title>
      {g.returns.length === 0 && <Text>{t('ngo.grant.noReturns')}</Text>}
      {g.returns.map((r) => (
        <Text key={r.id}>
          <DateText value={r.effectiveAt} />: <MoneyText amount={r.amount} currency={g.currency} />
          {r.note && ` · ${r.note}`}
        </Text>
      ))}
    </section>
  );
}

const REPORT_FIELDS = ['periodEnd', 'spent', 'narrative', 'victimsAssisted'] as const;

function ReportForm({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const exponent = currencyExponent(g.currency);
  const application = useQuery(applicationQuery({ path: { id: g.applicationId } }));
  const budget = application.data?.budget ?? [];
  const [periodEnd, setPeriodEnd] = useState('');
  const [narrative, setNarrative] = useState('');
  const [final, setFinal] = useState(false);
  const [spending, setSpending] = useState<string[]>([]);
  const [victims, setVictims] = useState<VictimsLineForm[]>([
    { service: (g.services[0] ?? '') as Service | '', country: g.countries[0] ?? '', count: '' },
  ]);
  const [errors, setErrors] = useState<ReportErrors>({});
  const [done, setDone] = useState(false);
  const submit = useMutation({
    ...submitGrantReportMutation(),
    onSuccess: () => {
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: grantQuery({ path: { id: g.id } }).queryKey });
      requestAnimationFrame(() => document.getElementById('report-done')?.focus());
    },
    onError: () => requestAnimationFrame(() => document.getElementById('report-problem')?.focus()),
  });
  const server = submit.error ? fieldProblems(submit.error, REPORT_FIELDS) : {};
  const message = (field: string) => {
    const rule = errors[field];
    if (rule) return t(rule.key, rule.values);
    return server[field] ? t('problems.field') : undefined;
  };
  const lines = budget.length
    ? budget
    : [{ category: '', description: t('ngo.report.allSpending'), amount: 0 }];
  const {
    spent,
    payload,
    errors: found,
  } = reportPayload(
    { periodEnd, narrative, final, spending: lines.map((_, i) => spending[i] ?? ''), victims },
    exponent,
  );

  function send(event: FormEvent) {
    event.preventDefault();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      requestAnimationFrame(() => document.getElementById(`r-${first}`)?.focus());
      return;
    }
    if (payload) submit.mutate({ path: { id: g.id }, body: payload });
  }

  if (done)
    return (
      <Alert id="report-done" tabIndex={-1} color="un" variant="light" title={t('ngo.report.sentTitle')}>
        {t('ngo.report.sent')}
      </Alert>
    );
  return (
    <section aria-labelledby="report-form-title">
      <Title order={2} id="report-form-title">
        {t('ngo.report.title')}
      </Title>
      <Paper withBorder p="md" component="form" noValidate onSubmit={send}>
        <Stack gap="md">
          <Alert
            color="red"
            variant="light"
            title={t('ngo.report.privacyTitle')}
            data-testid="privacy-warning"
          >
            {t('ngo.report.privacy')}
          </Alert>
          {submit.error && (
            <div id="report-problem" tabIndex={-1}>
              <ProblemAlert
                error={submit.error}
                fields={REPORT_FIELDS}
                messageKey={ngoProblemKey(submit.error)}
              />
            </div>
          )}
          <TextInput
            id="r-periodEnd"
            type="date"
            label={t('ngo.report.periodEnd')}
            required
            value={periodEnd}
            error={message('periodEnd')}
            onChange={(e) => setPeriodEnd(e.currentTarget.value)}
            maw={240}
          />
          <Textarea
            id="r-narrative"
            label={t('ngo.report.narrative')}
            description={t('ngo.report.narrativeHelp')}
            required
            rows={5}
            resize="vertical"
            value={narrative}
            error={message('narrative')}
            onChange={(e) => setNarrative(e.currentTarget.value)}
          />
          <Fieldset legend={t('ngo.report.spending')}>
            <Stack gap="xs">
              {lines.map((line, i) => (
                <TextInput
                  key={i}
                  id={`r-spending.${i}`}
                  label={
                    line.category
                      ? t('ngo.report.spentOn', {
                          service: t(`services.${line.category}`),
                          name: line.description,
                        })
                      : line.description
                  }
                  inputMode="decimal"
                  dir="ltr"
                  value={spending[i] ?? ''}
                  error={message(`spending.${i}`)}
                  onChange={(e) => {
                    const next = [...spending];
                    next[i] = e.currentTarget.value;
                    setSpending(next);
                  }}
                />
              ))}
              <Text fw={700} id="r-spent" tabIndex={-1}>
                {t('ngo.report.spentTotal')} <MoneyText amount={spent} currency={g.currency} />
              </Text>
              {message('spent') && (
                <Text c="red.9" size="sm">
                  {message('spent')}
                </Text>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('ngo.report.victims')}>
            <Stack gap="xs">
              <Text size="sm">{t('ngo.report.victimsHelp')}</Text>
              {victims.map((v, i) => (
                <SimpleGrid
                  key={i}
                  cols={{ base: 1, sm: 3 }}
                  role="group"
                  aria-label={t('ngo.report.victimsLine', { count: i + 1 })}
                >
                  <NativeSelect
                    id={`r-victims.${i}.service`}
                    label={t('ngo.report.service')}
                    value={v.service}
                    error={message(`victims.${i}.service`)}
                    data={[
                      { value: '', label: t('ngo.budget.choose') },
                      ...g.services.map((s) => ({ value: s, label: t(`services.${s}`) })),
                    ]}
                    onChange={(e) =>
                      setVictims(
                        victims.map((x, j) =>
                          j === i ? { ...x, service: e.currentTarget.value as Service } : x,
                        ),
                      )
                    }
                  />
                  <NativeSelect
                    id={`r-victims.${i}.country`}
                    label={t('ngo.report.country')}
                    value={v.country}
                    error={message(`victims.${i}.country`)}
                    data={[
                      { value: '', label: t('ngo.budget.choose') },
                      ...g.countries.map((c) => ({ value: c, label: countryName(c, locale) })),
                    ]}
                    onChange={(e) =>
                      setVictims(
                        victims.map((x, j) => (j === i ? { ...x, country: e.currentTarget.value } : x)),
                      )
                    }
                  />
                  <TextInput
                    id={`r-victims.${i}.count`}
                    label={t('ngo.report.count')}
                    inputMode="numeric"
                    dir="ltr"
                    value={v.count}
                    error={message(`victims.${i}.count`)}
                    onChange={(e) =>
                      setVictims(
                        victims.map((x, j) => (j === i ? { ...x, count: e.currentTarget.value } : x)),
                      )
                    }
                  />
                </SimpleGrid>
              ))}
              <Group>
                <Button
                  variant="outline"
                  onClick={() => setVictims([...victims, { service: '', country: '', count: '' }])}
                >
                  {t('ngo.report.addVictims')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Checkbox
            label={t('ngo.report.final')}
            checked={final}
            onChange={(e) => setFinal(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={submit.isPending} data-testid="submit-report">
              {t('ngo.report.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </section>
  );
}
