import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../components/MoneyText';
import type {
  ApplicationView,
  AssignmentView,
  RankingItemView,
  RubricCriterionDto,
} from '../../api/types.gen';
import { countryName, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';

/** Two or three applications side by side: what they ask, where, and how the reviewers scored them. */
export function Compare({
  apps,
  ranking,
  rubric,
  assignments,
}: {
  apps: ApplicationView[];
  ranking: RankingItemView[];
  rubric: RubricCriterionDto[];
  assignments: AssignmentView[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mean = (appId: string, key: string): string => {
    const scores = assignments
      .filter((a) => a.applicationId === appId && a.status === 'submitted')
      .map((a) => a.scores?.find((s) => s.criterion === key)?.score)
      .filter((s): s is number => typeof s === 'number');
    if (!scores.length) return '-';
    return formatNumber(Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 100) / 100, locale);
  };
  const row = (label: string, cell: (a: ApplicationView) => React.ReactNode) => (
    <Table.Tr key={label}>
      <Table.Th scope="row">{label}</Table.Th>
      {apps.map((a) => (
        <Table.Td key={a.id}>{cell(a)}</Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <section aria-labelledby="compare-title">
      <Title order={2} id="compare-title">
        {t('ranking.compareTitle')}
      </Title>
      <div className="table-scroll">
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {apps.map((a) => (
                <Table.Th scope="col" key={a.id}>
                  <bdi>{a.title}</bdi>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {row(t('ranking.organization'), (a) => (
              <bdi>{a.organizationName ?? ''}</bdi>
            ))}
            {row(t('ranking.requested'), (a) => (
              <MoneyText amount={a.requested} currency={a.currency} />
            ))}
            {row(t('ranking.countries'), (a) => a.countries.map((c) => countryName(c, locale)).join(', '))}
            {row(t('ranking.services'), (a) => a.services.map((s) => t(`services.${s}`)).join(', '))}
            {row(t('ranking.expectedVictims'), (a) => formatNumber(a.expectedVictims, locale))}
            {row(t('ranking.score'), (a) => {
              const s = ranking.find((r) => r.applicationId === a.id)?.score;
              return s === null || s === undefined ? t('ranking.noScore') : formatNumber(s, locale);
            })}
            {rubric.map((c) =>
              row(t('ranking.criterionMean', { label: c.label, max: c.maxScore }), (a) => mean(a.id, c.key)),
            )}
            {row(t('ranking.summary'), (a) => (
              <bdi>{a.summary}</bdi>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}
