import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FigureTable } from '../../components/FigureTable';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countValue, countryName, formatCount } from '../../lib/format';
import { type ImpactRowView, publicImpactQuery } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';

type Group = 'year' | 'service' | 'country';

function useImpact(groupBy: Group) {
  return useQuery(publicImpactQuery({ query: { groupBy } }));
}

export function ImpactPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useTitle('impact.title');
  const byYear = useImpact('year');
  const byService = useImpact('service');
  const byCountry = useImpact('country');
  const fewerThan = (limit: number) => t('impact.fewerThan', { count: limit });
  const label: Record<Group, (r: ImpactRowView) => string> = {
    year: (r) => String(r.year),
    service: (r) => t(`services.${r.service}`),
    country: (r) => countryName(r.country ?? '', locale),
  };
  const tables: { group: Group; caption: string; query: typeof byYear }[] = [
    { group: 'year', caption: t('impact.byYear'), query: byYear },
    { group: 'service', caption: t('impact.byService'), query: byService },
    { group: 'country', caption: t('impact.byCountry'), query: byCountry },
  ];
  const error = byYear.error ?? byService.error ?? byCountry.error;
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('impact.intro')}</Text>
      {error && <ProblemAlert error={error} />}
      {byYear.isPending && <Loading />}
      {byYear.data && (
        <Text fw={600} size="lg">
          {t('impact.total', { count: countValue(byYear.data.total) })}
        </Text>
      )}
      {byYear.data?.items.length === 0 && <Text>{t('impact.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {tables.map(({ group, caption, query }) =>
          query.data && query.data.items.length > 0 ? (
            <FigureTable
              key={group}
              caption={caption}
              headers={[t(`impact.${group}`), t('impact.people')]}
              rows={query.data.items
                .map((r) => ({ key: String(r[group]), label: label[group](r), value: r.victimsAssisted }))
                .sort((a, b) =>
                  group === 'year' ? a.key.localeCompare(b.key) : countValue(b.value) - countValue(a.value),
                )
                .map((r) => ({ ...r, value: formatCount(r.value, locale, fewerThan) }))}
            />
          ) : null,
        )}
      </SimpleGrid>
    </Stack>
  );
}
