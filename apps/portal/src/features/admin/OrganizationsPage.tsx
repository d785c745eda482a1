import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { AdminOnly } from './AdminOnly';
import {
  organizationsPagesQuery,
  organizationsPagesQueryKey,
  type OrganizationView,
  verifyOrganizationMutation,
} from './admin-queries';
import { LoadMore } from '../../components/LoadMore';

/**
 * Organizations to verify, with their profile as the API exposes it today (name, country, registration
 * number, registered on); their documents are the attachments of their applications, not of the profile.
 */
export function OrganizationsPage() {
  const title = useTitle('admin.orgs.title');
  return (
    <AdminOnly title={title}>
      <Organizations />
    </AdminOnly>
  );
}

function Organizations() {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    ...organizationsPagesQuery({ query: { limit: 50 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (pages.error) return <ProblemAlert error={pages.error} onRetry={() => void pages.refetch()} />;
  if (!pages.data) return <Loading />;
  const orgs = pages.data.pages.flatMap((p) => p.items);
  const waiting = orgs.filter((o) => !o.verified).length;
  return (
    <Stack gap="sm">
      <Text>{t('admin.orgs.waiting', { count: waiting })}</Text>
      <Text size="sm">{t('admin.orgs.documentsNote')}</Text>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="organizations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.orgs.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.country')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.registration')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.registered')}</Table.Th>
              <Table.Th scope="col">{t('admin.orgs.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orgs.map((o) => (
              <OrgRow key={o.id} org={o} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <LoadMore pages={pages} label={t('admin.more')} />
    </Stack>
  );
}

function OrgRow({ org: o }: { org: OrganizationView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const verify = useMutation({
    ...verifyOrganizationMutation(),
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: organizationsPagesQueryKey({ query: { limit: 50 } }) }),
  });
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {o.name}
      </Table.Th>
      <Table.Td>{countryName(o.country, locale)}</Table.Td>
      <Table.Td>
        <bdi>{o.registrationNumber}</bdi>
      </Table.Td>
      <Table.Td>{formatDate(o.createdAt, locale)}</Table.Td>
      <Table.Td>
        {o.verified ? (
          <Badge variant="outline" color="un.8">
            {t('admin.orgs.verified')}
          </Badge>
        ) : (
          <Button
            size="xs"
            loading={verify.isPending}
            aria-label={t('admin.orgs.verifyNamed', { name: o.name })}
            onClick={() => verify.mutate({ path: { id: o.id } })}
          >
            {t('admin.orgs.verify')}
          </Button>
        )}
        {verify.error && <ProblemAlert error={verify.error} />}
      </Table.Td>
    </Table.Tr>
  );
}
