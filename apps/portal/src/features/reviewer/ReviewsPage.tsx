import '../review/mantine-staff.css';
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listApplications, listMyAssignments } from '../../api/sdk.gen';
import { useStaffCatalog } from '../../lib/i18n/staff';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';

/** The reviewer's assigned applications (their own assignments only), each opening its scoring page. */
export function ReviewsPage() {
  const { t } = useTranslation();
  useTitle('reviewer.title');
  const token = useAccessToken();
  const strings = useStaffCatalog();
  const mine = useQuery({
    queryKey: ['my-assignments'],
    queryFn: async () => (await listMyAssignments({ query: { limit: 500 }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  const apps = useQuery({
    queryKey: ['reviewer-applications'],
    queryFn: async () => (await listApplications({ query: { limit: 500 }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (!strings) return <Loading />;
  const error = mine.error ?? apps.error;
  if (error) return <ProblemAlert error={error} />;
  if (!mine.data || !apps.data) return <Loading />;
  const title = (id: string) => apps.data.find((a) => a.id === id)?.title ?? '';
  return (
    <Stack gap="md">
      <Title order={1}>{t('reviewer.title')}</Title>
      {mine.data.length === 0 ? (
        <Text>{t('reviewer.none')}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped withTableBorder aria-label={t('reviewer.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reviewer.project')}</Table.Th>
                <Table.Th scope="col">{t('reviewer.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reviews/${a.id}`}>
                      <bdi>{title(a.applicationId)}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="un.8">
                      {t(`reviewer.statuses.${a.status}`)}
                    </Badge>
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
