import './mantine-finance.css';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../components/Loading';
import { useCatalogPart } from '../../lib/i18n/use-catalog-part';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';

/** The finance pages need their strings (a catalog part of their own) and a session with the finance role; anyone else is told, not shown an error. */
export function RequireFinance({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const token = useAccessToken();
  const location = useLocation();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const strings = useCatalogPart('finance');
  if (!token) return <Navigate to="/sign-in" replace state={{ back: location.pathname + location.search }} />;
  if (me.isPending || !strings) return <Loading />;
  if (!me.data?.roles.includes('finance')) return <Text>{t('finance.notFinance')}</Text>;
  return <>{children}</>;
}
