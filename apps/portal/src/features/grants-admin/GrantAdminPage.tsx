import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { disburseTrancheMutation } from '../../api/@tanstack/react-query.gen';
import type { GrantView } from '../../api/types.gen';
import { FigureTable } from '../../components/FigureTable';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { grantQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { ManagerPostAward } from '../post-award/ManagerPostAward';
import { useRoles } from '../fund/staff';
import { useAttemptKey } from './attempt-key';
import { CancelGrant, GrantReports, RecordReturn } from './GrantActions';

/**
 * One grant for the fund manager and finance: the money, tranches, reports, returns, the post-award sections
 * (offer, agreement and signatures, budget, schedule, amendments, assurance, close-out) and cancellation.
 */
export function GrantAdminPage() {
  const { t } = useTranslation();
  const title = useTitle('grantsAdmin.detailTitle');
  const { id = '' } = useParams();
  const token = useAccessToken();
  const roles = useRoles();
  const grant = useQuery({ ...grantQuery({ path: { id } }), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (grant.isPending) return <Loading />;
  if (grant.error) return <ProblemAlert error={grant.error} />;
  const g = grant.data;
  const manager = roles.includes('fund_manager');
  const finance = roles.includes('finance');
  return (
    <Stack gap="lg">
      <Title order={1}>{g.title || title}</Title>
      <Anchor component={Link} to={`/manage/grants?fund=${g.fundId}`}>
        {t('grantsAdmin.back')}
      </Anchor>
      <Group gap="xs">
        <Badge variant="outline" color="un.8">
          {t(`grantsAdmin.status.${g.status}`)}
        </Badge>
        <Badge variant="light" color={g.signed ? 'teal.9' : 'orange.9'} data-testid="signed">
          {g.signed ? t('grantsAdmin.signed') : t('grantsAdmin.unsigned')}
        </Badge>
      </Group>
      <FigureTable
        caption={t('grantsAdmin.figures')}
        headers={[t('fund.figures.figure'), t('fund.figures.amount')]}
        rows={(['amount', 'psc', 'paid', 'outstanding', 'returned', 'cancelled'] as const).map((k) => ({
          key: k,
          label: t(`grantsAdmin.fig.${k}`),
          value: <MoneyText amount={g[k]} currency={g.currency} />,
        }))}
      />
      <Tranches grant={g} finance={finance} />
      <GrantReports grant={g} manager={manager} />
      {finance && g.paid - g.returned > 0 && <RecordReturn grant={g} />}
      <ManagerPostAward grant={g} manager={manager} finance={finance} />
      {manager && g.status === 'active' && <CancelGrant grant={g} />}
    </Stack>
  );
}

function useGrantChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'getGrant' }] });
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'listGrants' }] });
  };
}

function Tranches({ grant, finance }: { grant: GrantView; finance: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const changed = useGrantChanged();
  const key = useAttemptKey();
  const release = useMutation({
    ...disburseTrancheMutation(),
    onSuccess: () => {
      key.settle();
      changed();
    },
    onError: (error) => key.settle(error),
  });
  return (
    <Section id="grant-tranches" title={t('grantsAdmin.tranches')}>
      {release.error && <ProblemAlert error={release.error} />}
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="tranches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('grantsAdmin.tranche')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('grantsAdmin.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('grantsAdmin.condition')}</Table.Th>
              <Table.Th scope="col">{t('grantsAdmin.state')}</Table.Th>
              {finance && <Table.Th scope="col">{t('grantsAdmin.actionsHeader')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grant.tranches.map((tr) => (
              <Table.Tr key={tr.n}>
                <Table.Th scope="row" fw={400}>
                  {t('grantsAdmin.trancheN', { n: tr.n, percent: tr.percent })}
                </Table.Th>
                <Table.Td ta="end">
                  <MoneyText amount={tr.amount} currency={grant.currency} />
                </Table.Td>
                <Table.Td>{t(`grantsAdmin.conditions.${tr.condition}`)}</Table.Td>
                <Table.Td data-testid={`tranche-${tr.n}-state`}>
                  {t(`grantsAdmin.states.${tr.state}`)}
                  {tr.paidAt && (
                    <Text size="xs">
                      <bdi>{formatDateTime(tr.paidAt, locale)}</bdi>
                    </Text>
                  )}
                </Table.Td>
                {finance && (
                  <Table.Td>
                    {tr.state === 'due' && grant.status === 'active' && (
                      <Button
                        size="xs"
                        loading={release.isPending}
                        onClick={() =>
                          release.mutate({
                            path: { id: grant.id, n: String(tr.n) },
                            headers: { 'Idempotency-Key': key.get() },
                            body: {},
                          })
                        }
                      >
                        {t('grantsAdmin.release', { n: tr.n })}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Section>
  );
}
