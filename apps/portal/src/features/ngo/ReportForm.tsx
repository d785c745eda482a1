import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, currencyExponent } from '../../lib/format';
import { fieldProblems } from '../../lib/problems';
import { applicationQuery, grantQuery, type GrantView, submitGrantReportMutation } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';
import { type Service } from './application-form';
import { ngoProblemKey } from './ngo-problems';
import { type ReportErrors, reportPayload, type VictimsLineForm } from './report-form';

export const REPORT_FIELDS = ['periodEnd', 'spent', 'narrative', 'victimsAssisted'] as const;

export function ReportForm({ grant: g }: { grant: GrantView }) {
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
