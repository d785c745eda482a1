import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';

/** An administrator's page: signed in (else to sign-in), an admin (else a plain refusal), then the page. */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace />;
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      {me.isPending && <Loading />}
      {me.error && <ProblemAlert error={me.error} />}
      {me.data && !me.data.roles.includes('admin') && <Text>{t('admin.notAdmin')}</Text>}
      {me.data?.roles.includes('admin') && children}
    </Stack>
  );
}
