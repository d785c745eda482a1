import {
  Alert,
  Anchor,
  Button,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { COUNTRY_CODES } from '../../lib/countries';
import { countryName } from '../../lib/format';
import { fieldProblems } from '../../lib/problems';
import { rememberRegistrationLocale } from '../../lib/profile-locale';
import { registerMutation } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';

const FIELDS = ['name', 'country', 'registrationNumber', 'personName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];
/** The API's field names (organization.name, user.name...) as this form's. */
const SERVER_FIELDS: Record<string, Field> = {
  'organization.name': 'name',
  'organization.country': 'country',
  'organization.registrationNumber': 'registrationNumber',
  'user.name': 'personName',
  'user.email': 'email',
  'user.password': 'password',
};

/** An NGO registers itself and its first member; the account waits for the mailed link. */
export function RegisterPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useTitle('register.title');
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    country: '',
    registrationNumber: '',
    personName: '',
    email: '',
    password: '',
  });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const register = useMutation({
    ...registerMutation(),
    onSuccess: () => {
      rememberRegistrationLocale(values.email, locale);
      requestAnimationFrame(() => document.getElementById('check-mail')?.focus());
    },
    onError: () =>
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  });
  const server: Partial<Record<Field, string[]>> = {};
  if (register.error) {
    const placed = fieldProblems(register.error, Object.keys(SERVER_FIELDS));
    for (const [f, m] of Object.entries(placed)) server[SERVER_FIELDS[f]] = m;
  }
  const error = (f: Field) => local[f] ?? (server[f] ? t('problems.field') : undefined);
  const field = (f: Field) => ({
    id: `reg-${f}`,
    value: values[f],
    error: error(f),
    required: true,
    onChange: (e: { currentTarget: { value: string } }) =>
      setValues({ ...values, [f]: e.currentTarget.value }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) if (!values[f].trim()) found[f] = t('register.required');
    if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
      found.email = t('register.badEmail');
    if (values.password && values.password.length < 8)
      found.password = t('register.shortPassword', { count: 8 });
    setLocal(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      requestAnimationFrame(() => document.getElementById(`reg-${first}`)?.focus());
      return;
    }
    register.mutate({
      body: {
        organization: {
          name: values.name.trim(),
          country: values.country,
          registrationNumber: values.registrationNumber.trim(),
        },
        user: { name: values.personName.trim(), email: values.email.trim(), password: values.password },
      },
    });
  }

  if (register.isSuccess)
    return (
      <Stack maw={560} gap="md">
        <Title order={1}>{title}</Title>
        <Alert
          id="check-mail"
          tabIndex={-1}
          color="un"
          variant="light"
          title={t('register.checkMailTitle')}
          role="status"
        >
          {t('register.checkMail', { email: values.email })}
        </Alert>
      </Stack>
    );

  const countries = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  );
  return (
    <Stack maw={560} gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('register.intro')}</Text>
      {register.error != null && <ProblemAlert error={register.error} fields={Object.keys(SERVER_FIELDS)} />}
      <Paper withBorder p="md" component="form" noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('register.organization')}
          </Title>
          <TextInput label={t('register.orgName')} autoComplete="organization" {...field('name')} />
          <NativeSelect
            label={t('register.country')}
            data={[{ value: '', label: t('register.chooseCountry') }, ...countries]}
            {...field('country')}
          />
          <TextInput
            label={t('register.registrationNumber')}
            description={t('register.registrationHelp')}
            {...field('registrationNumber')}
          />
          <Title order={2} size="h3" mt="sm">
            {t('register.you')}
          </Title>
          <TextInput label={t('register.personName')} autoComplete="name" {...field('personName')} />
          <TextInput label={t('register.email')} type="email" autoComplete="email" {...field('email')} />
          <PasswordInput
            label={t('register.password')}
            description={t('register.passwordHelp', { count: 8 })}
            autoComplete="new-password"
            {...field('password')}
          />
          <Button type="submit" loading={register.isPending}>
            {t('register.submit')}
          </Button>
        </Stack>
      </Paper>
      <Text>
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/sign-in">
          {t('app.signIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}
