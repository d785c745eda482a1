import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { Link, Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';

const StaffHome = lazy(() => import('../fund/StaffHome').then((m) => ({ default: m.StaffHome })));
const NgoDashboard = lazy(() => import('../ngo/NgoDashboard').then((m) => ({ default: m.NgoDashboard })));

/** The signed-in home: who the reader is; later pages (applications, grants, reviews) hang from here. */
export function DashboardPage() {
  const { t } = useTranslation();
  const title = useTitle('dashboard.title');
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace />;
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      {me.isPending && <Loading />}
      {me.error && <ProblemAlert error={me.error} />}
      {me.data && (
        <Paper withBorder p="md">
          <Text size="lg" fw={600} data-testid="welcome">
            {t('dashboard.welcome', { name: me.data.name })}
          </Text>
          <Text mt="xs">
            {t('dashboard.email')}: <bdi>{me.data.email}</bdi>
          </Text>
          <Text mt="sm" fw={600}>
            {t('dashboard.roles')}
          </Text>
          <Group gap="xs" mt={4}>
            {me.data.roles.map((role) => (
              <Badge key={role} variant="outline" color="un.8">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
          <Anchor component={Link} to="/profile" mt="sm" display="inline-block">
            {t('profile.title')}
          </Anchor>
        </Paper>
      )}
      {me.data?.roles.includes('ngo') ? (
        <Suspense fallback={<Loading />}>
          <NgoDashboard />
        </Suspense>
      ) : me.data?.roles.some((r) => r === 'fund_manager' || r === 'finance' || r === 'admin') ? (
        <Suspense fallback={<Loading />}>
          <StaffHome />
        </Suspense>
      ) : (
        <Text>{t('dashboard.later')}</Text>
      )}
    </Stack>
  );
}
