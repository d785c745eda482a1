import { Badge, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { AdminOnly } from './AdminOnly';
import { ratesPagesQuery } from './admin-queries';
import { LoadMore } from '../../components/LoadMore';

/** The UN operational rates of exchange, read only (finance's pages add and supersede them). */
export function RatesPage() {
  const title = useTitle('admin.rates.title');
  return (
    <AdminOnly title={title}>
      <Rates />
    </AdminOnly>
  );
}

function Rates() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = useInfiniteQuery({
    ...ratesPagesQuery({ query: { limit: 50 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (pages.error) return <ProblemAlert error={pages.error} onRetry={() => void pages.refetch()} />;
  if (!pages.data) return <Loading />;
  const rates = pages.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="sm">
      <Text>{t('admin.rates.intro')}</Text>
      {rates.length === 0 ? (
        <Text>{t('admin.rates.none')}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.rates.currency')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('admin.rates.rate')}
                </Table.Th>
                <Table.Th scope="col">{t('admin.rates.from')}</Table.Th>
                <Table.Th scope="col">{t('admin.rates.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={400}>
                    <bdi>{r.currency}</bdi>
                  </Table.Th>
                  <Table.Td ta="end">
                    <bdi className="ltr-isolate">{r.rate}</bdi>
                  </Table.Td>
                  <Table.Td>{formatDate(r.effectiveFrom, locale)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={r.status === 'current' ? 'un.8' : 'gray.8'}>
                      {t(`admin.rates.${r.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore pages={pages} label={t('admin.more')} />
    </Stack>
  );
}
