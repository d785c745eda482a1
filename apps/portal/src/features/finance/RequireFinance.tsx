import './mantine-finance.css';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../components/Loading';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';

/** The finance pages need a session with the finance role; anyone else is told, not shown an error. */
export function RequireFinance({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const token = useAccessToken();
  const location = useLocation();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace state={{ back: location.pathname + location.search }} />;
  if (me.isPending) return <Loading />;
  if (!me.data?.roles.includes('finance')) return <Text>{t('finance.notFinance')}</Text>;
  return <>{children}</>;
}
