import { Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { pledgesPagesQuery } from './donor-queries';
import { useDonor } from './use-donor';
import { LoadMore } from '../../components/LoadMore';

/** The donor's own pledges: what it promised, what has been received against each, what is outstanding. */
export function DonorPledgesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useTitle('donor.pledges.title');
  const { token, me, donorId } = useDonor();
  const pages = useInfiniteQuery({
    ...pledgesPagesQuery({ query: { limit: 50 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(donorId),
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      {me.data && !donorId && <Text>{t('donor.notDonor')}</Text>}
      {(me.error ?? pages.error) && <ProblemAlert error={me.error ?? pages.error} />}
      {(me.isPending || (donorId && pages.isPending)) && <Loading />}
      {pages.data && items.length === 0 && <Text>{t('donor.pledges.none')}</Text>}
      {items.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top">
            <caption>{t('donor.pledges.caption', { count: items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('donor.pledges.expected')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('donor.pledges.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('donor.pledges.settled')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('donor.pledges.outstanding')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    {formatDate(p.expectedAt, locale)}
                  </Table.Th>
                  <Table.Td ta="end">
                    <MoneyText amount={p.amount} currency={p.currency} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={p.settled} currency="USD" />
                  </Table.Td>
                  <Table.Td ta="end">
                    <MoneyText amount={p.outstanding} currency="USD" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore pages={pages} label={t('donor.more')} />
    </Stack>
  );
}
