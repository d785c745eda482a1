import './partners.css';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { type PartnerSummaryView, partnersPagesQuery, WARN } from './partners-queries';
import { StaffOnly } from './StaffOnly';

/** The organizations and where each one's due diligence stands, for the verifiers (issue 17). */
export function PartnersListPage() {
  const title = useTitle('partners.list.title');
  return (
    <StaffOnly title={title}>
      <Partners />
    </StaffOnly>
  );
}

function Partners() {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    ...partnersPagesQuery({ query: { limit: 50 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (pages.error) return <ProblemAlert error={pages.error} onRetry={() => void pages.refetch()} />;
  if (!pages.data) return <Loading />;
  const items = pages.data.pages.flatMap((p) => p.items);
  const attention = items.filter((p) => p.openHits > 0 || p.bankChangePending).length;
  return (
    <Stack gap="sm">
      <Text>{t('partners.list.intro')}</Text>
      <Text fw={600}>{t('partners.list.attention', { count: attention })}</Text>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="partners-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('partners.list.name')}</Table.Th>
              <Table.Th scope="col">{t('partners.list.country')}</Table.Th>
              <Table.Th scope="col">{t('partners.list.profile')}</Table.Th>
              <Table.Th scope="col">{t('partners.list.verification')}</Table.Th>
              <Table.Th scope="col">{t('partners.list.flags')}</Table.Th>
              <Table.Th scope="col">{t('partners.list.risk')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Row key={p.organizationId} p={p} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {pages.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('partners.list.more')}
        </Button>
      )}
    </Stack>
  );
}

function Row({ p }: { p: PartnerSummaryView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const flags = [
    p.confirmedHits > 0 && { key: 'blocked', color: 'red.9' },
    p.openHits > 0 && { key: 'openHits', color: 'red.9', count: p.openHits },
    p.bankChangePending && { key: 'bankChange', color: WARN },
    p.redFlags > 0 && { key: 'redFlags', color: 'red.9', count: p.redFlags },
    p.duplicates > 0 && { key: 'duplicates', color: WARN, count: p.duplicates },
  ].filter((f): f is { key: string; color: string; count?: number } => Boolean(f));
  return (
    <Table.Tr data-organization={p.organizationId}>
      <Table.Th scope="row" fw={400}>
        <Anchor component={Link} to={`/manage/partners/${p.organizationId}`}>
          <bdi>{p.name}</bdi>
        </Anchor>
      </Table.Th>
      <Table.Td>{countryName(p.country, locale)}</Table.Td>
      <Table.Td>
        <Badge variant="outline" color={p.complete ? 'teal.9' : WARN}>
          {p.complete ? t('partners.list.complete') : t('partners.list.missing', { count: p.missing })}
        </Badge>
      </Table.Td>
      <Table.Td>
        {p.dueDiligenceVerifiedAt
          ? t('partners.list.verifiedOn', { date: formatDate(p.dueDiligenceVerifiedAt, locale) })
          : t('partners.list.notVerified')}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {flags.length === 0
            ? t('partners.list.noFlags')
            : flags.map((f) => (
                <Badge key={f.key} variant="outline" color={f.color}>
                  {t(`partners.list.flag.${f.key}`, { count: f.count ?? 1 })}
                </Badge>
              ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {p.ratings.length === 0
          ? t('partners.list.notRated')
          : p.ratings.map((r) => t(`partners.risk.levels.${r.level}`)).join(', ')}
      </Table.Td>
    </Table.Tr>
  );
}
