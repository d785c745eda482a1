import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { meQuery } from '../lib/queries';

/** Entries shown to signed-in users holding a role; add a role's pages here. */
const ROLE_NAV: { role: string; to: string; key: string }[] = [
  // the staff's pages (issue 15)
  ...['fund_manager', 'finance', 'admin'].map((role) => ({ role, to: '/dashboard', key: 'nav.fund' })),
  ...['fund_manager', 'admin'].map((role) => ({ role, to: '/manage/calls', key: 'nav.manageCalls' })),
  ...['fund_manager', 'finance', 'admin'].map((role) => ({
    role,
    to: '/manage/grants',
    key: 'nav.manageGrants',
  })),
  // partner due diligence (issue 17)
  ...['fund_manager', 'finance', 'admin'].map((role) => ({
    role,
    to: '/manage/partners',
    key: 'nav.partners',
  })),
  ...['fund_manager', 'admin'].map((role) => ({ role, to: '/manage/sanctions', key: 'nav.sanctions' })),
  { role: 'donor', to: '/donor/contributions', key: 'donor.nav.contributions' },
  { role: 'donor', to: '/donor/pledges', key: 'donor.nav.pledges' },
  { role: 'donor', to: '/donor/impact', key: 'donor.nav.impact' },
  { role: 'admin', to: '/admin/users', key: 'admin.nav.users' },
  { role: 'admin', to: '/admin/organizations', key: 'admin.nav.organizations' },
  { role: 'admin', to: '/admin/audit', key: 'admin.nav.audit' },
  { role: 'admin', to: '/admin/rates', key: 'admin.nav.rates' },
  { role: 'admin', to: '/admin/queues', key: 'admin.nav.queues' },
  { role: 'reviewer', to: '/reviews', key: 'reviewer.title' },
  { role: 'finance', to: '/finance/balance', key: 'nav.financeBalance' },
  { role: 'finance', to: '/finance/contributions', key: 'nav.financeContributions' },
  { role: 'finance', to: '/finance/pledges', key: 'nav.financePledges' },
  { role: 'finance', to: '/finance/costs', key: 'nav.financeCosts' },
  { role: 'finance', to: '/finance/rates', key: 'nav.financeRates' },
  { role: 'finance', to: '/finance/reports', key: 'nav.financeReports' },
];

/**
 * The navigation of the signed-in reader's roles. Its own chunk, loaded once signed in, so an anonymous
 * first visit downloads neither it nor the generated queries it reads the roles with.
 */
export default function RoleNav() {
  const { t } = useTranslation();
  const me = useQuery(meQuery());
  const roles: string[] = me.data?.roles ?? [];
  return (
    <>
      {[...new Map(ROLE_NAV.filter((e) => roles.includes(e.role)).map((e) => [e.to, e])).values()].map(
        ({ to, key }) => (
          <Button key={to} component={NavLink} to={to} variant="subtle" size="sm">
            {t(key)}
          </Button>
        ),
      )}
    </>
  );
}
