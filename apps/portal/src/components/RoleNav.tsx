import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { meQuery } from '../lib/queries';
import { useAccessToken } from '../lib/session';

/** The pages of a role, shown in the main navigation to the signed-in reader who holds it. */
const ROLE_NAV: { role: string; to: string; key: string }[] = [
  { role: 'donor', to: '/donor/contributions', key: 'donor.nav.contributions' },
  { role: 'donor', to: '/donor/pledges', key: 'donor.nav.pledges' },
  { role: 'donor', to: '/donor/impact', key: 'donor.nav.impact' },
  { role: 'admin', to: '/admin/users', key: 'admin.nav.users' },
  { role: 'admin', to: '/admin/organizations', key: 'admin.nav.organizations' },
  { role: 'admin', to: '/admin/audit', key: 'admin.nav.audit' },
  { role: 'admin', to: '/admin/rates', key: 'admin.nav.rates' },
  { role: 'admin', to: '/admin/queues', key: 'admin.nav.queues' },
];

export function RoleNav() {
  const { t } = useTranslation();
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  if (!token || !me.data) return null;
  const roles: readonly string[] = me.data.roles;
  return ROLE_NAV.filter((n) => roles.includes(n.role)).map(({ to, key }) => (
    <Button key={to} component={NavLink} to={to} variant="subtle" size="sm">
      {t(key)}
    </Button>
  ));
}
