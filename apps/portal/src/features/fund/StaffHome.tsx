import { Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Section } from '../../components/Section';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFunds } from './staff';

/** The dashboard of staff: to their fund's page, or a list when they may see several. */
export function StaffHome() {
  const funds = useFunds();
  if (funds.isPending) return <Loading />;
  if (funds.error) return <ProblemAlert error={funds.error} />;
  return <StaffFunds funds={funds.data.items} />;
}

/** The staff's home section of the dashboard: their funds, and straight to the one when there is only one. */
export function StaffFunds({ funds }: { funds: { id: string; code: string; name: string }[] }) {
  const { t } = useTranslation();
  if (funds.length === 1) return <Navigate to={`/funds/${funds[0].id}`} replace />;
  return (
    <Section id="staff-funds" title={t('fund.yourFunds')}>
      <List>
        {funds.map((f) => (
          <List.Item key={f.id}>
            <Anchor component={Link} to={`/funds/${f.id}`}>
              <bdi>{f.code}</bdi>: {f.name}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
