import { Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { switchLocale } from '../../lib/i18n/setup';
import { isLocale, LOCALES, nativeName } from '../../lib/i18n/locales';
import { meQuery, updateMeMutation } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';

/** The reader's own profile: the name and the language of the portal and of the mail. */
export function ProfilePage() {
  const { t } = useTranslation();
  const title = useTitle('profile.title');
  const token = useAccessToken();
  const queryClient = useQueryClient();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const [name, setName] = useState('');
  const [locale, setLocale] = useState('en');
  useEffect(() => {
    if (me.data) {
      setName(me.data.name);
      setLocale(me.data.locale);
    }
  }, [me.data]);
  const update = useMutation({
    ...updateMeMutation(),
    onSuccess: (data) => {
      queryClient.setQueryData(meQuery().queryKey, data);
      if (isLocale(data.locale)) void switchLocale(data.locale);
    },
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Loading />;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (isLocale(locale)) update.mutate({ body: { name: name.trim(), locale } });
  }
  return (
    <Stack maw={560} gap="md">
      <Title order={1}>{title}</Title>
      <Text>
        {t('profile.email')}: <bdi>{me.data.email}</bdi>
      </Text>
      {update.error != null && <ProblemAlert error={update.error} fields={['name', 'locale']} />}
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('profile.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('profile.language')}
            description={t('profile.languageHelp')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value)}
            data={LOCALES.map((l) => ({ value: l, label: nativeName(l) }))}
          />
          <Button type="submit" loading={update.isPending}>
            {t('profile.save')}
          </Button>
          <Text role="status" aria-live="polite" size="sm">
            {update.isSuccess ? t('profile.saved') : ''}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
