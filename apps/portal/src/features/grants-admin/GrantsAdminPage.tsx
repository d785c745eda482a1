import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { grantsQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { useFundChoice } from '../fund/staff';
import { StatusListHeader } from '../fund/StatusListHeader';

const STATUSES = ['active', 'closed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

/** The fund's grants for the fund manager and finance, filtered by status. */
export function GrantsAdminPage() {
  const { t } = useTranslation();
  const title = useTitle('grantsAdmin.title');
  const token = useAccessToken();
  const { fundId, setFund } = useFundChoice();
  const [status, setStatus] = useState<Status | ''>('');
  const grants = useQuery({
    ...grantsQuery({ query: { fundId: fundId ?? undefined, limit: 500, ...(status && { status }) } }),
    enabled: Boolean(token && fundId),
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  return (
    <Stack gap="md">
      <StatusListHeader
        title={title}
        fundId={fundId}
        onFund={setFund}
        ns="grantsAdmin"
        statuses={STATUSES}
        status={status}
        onStatus={setStatus}
      />
      {grants.error && <ProblemAlert error={grants.error} />}
      {grants.isPending && fundId && <Loading />}
      {grants.data && grants.data.items.length === 0 && <Text>{t('grantsAdmin.none')}</Text>}
      {grants.data && grants.data.items.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top" data-testid="grants-table">
            <caption>{t('grantsAdmin.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grantsAdmin.grant')}</Table.Th>
                <Table.Th scope="col">{t('grantsAdmin.statusHeader')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('grantsAdmin.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('grantsAdmin.paid')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/manage/grants/${g.id}`}>
                      {g.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="outline" color="un.8">
                      {t(`grantsAdmin.status.${g.status}`)}
                    </Badge>{' '}
                    {!g.signed && g.status === 'active' && (
                      <Badge variant="light" color="orange.9">
                        {t('grantsAdmin.unsigned')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={g.amount} currency={g.currency} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={g.paid} currency={g.currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
