import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FigureTable } from '../../components/FigureTable';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, formatNumber } from '../../lib/format';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { impactReportQuery } from './donor-queries';

type Group = 'year' | 'service' | 'country';

/** The fund's impact in aggregate, as donors may read it: victims assisted by year, service and country. */
export function DonorImpactPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useTitle('donor.impact.title');
  const token = useAccessToken();
  const enabled = Boolean(token);
  const byYear = useQuery({ ...impactReportQuery({ query: { groupBy: 'year' } }), enabled });
  const byService = useQuery({ ...impactReportQuery({ query: { groupBy: 'service' } }), enabled });
  const byCountry = useQuery({ ...impactReportQuery({ query: { groupBy: 'country' } }), enabled });
  if (!token) return <Navigate to="/sign-in" replace />;
  const label = (group: Group, r: { year?: number; service?: string; country?: string }) =>
    group === 'year'
      ? String(r.year)
      : group === 'service'
        ? t(`services.${r.service}`)
        : countryName(r.country ?? '', locale);
  const tables = [
    { group: 'year' as const, query: byYear },
    { group: 'service' as const, query: byService },
    { group: 'country' as const, query: byCountry },
  ];
  const error = byYear.error ?? byService.error ?? byCountry.error;
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('donor.impact.intro')}</Text>
      {error && <ProblemAlert error={error} />}
      {byYear.isPending && <Loading />}
      {byYear.data && (
        <Text fw={600} size="lg" data-testid="impact-total">
          {t('donor.impact.total', {
            count: byYear.data.total,
            formatted: formatNumber(byYear.data.total, locale),
          })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {tables.map(({ group, query }) =>
          query.data && query.data.items.length > 0 ? (
            <FigureTable
              key={group}
              caption={t(`donor.impact.by.${group}`)}
              headers={[t(`donor.impact.group.${group}`), t('donor.impact.people')]}
              rows={query.data.items.map((r) => ({
                key: label(group, r),
                label: label(group, r),
                value: formatNumber(r.victimsAssisted, locale),
              }))}
            />
          ) : null,
        )}
      </SimpleGrid>
    </Stack>
  );
}
