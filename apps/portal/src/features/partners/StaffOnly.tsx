import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { useAccessToken } from '../../lib/session';
import { isStaff, type Role, useRoles } from '../fund/staff';

/** A page for the roles given (staff by default): signed in (else to sign-in), else a plain refusal. */
export function StaffOnly({
  title,
  roles,
  children,
}: {
  title: string;
  roles?: readonly Role[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const token = useAccessToken();
  const mine = useRoles();
  if (!token) return <Navigate to="/sign-in" replace />;
  const allowed = roles ? mine.some((r) => roles.includes(r)) : isStaff(mine);
  return (
    <Stack gap="lg" className="partners-page">
      <Title order={1}>{title}</Title>
      {mine.length === 0 ? <Loading /> : allowed ? children : <Text>{t('partners.notAllowed')}</Text>}
    </Stack>
  );
}
