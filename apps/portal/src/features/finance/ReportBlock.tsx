import { Group, NativeSelect, Pagination, Table, Text } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { directionOf, isLocale } from '../../lib/i18n/locales';
import { pageOf } from './list-filters';

const BarsChart = lazy(() => import('../../components/BarsChart'));

export interface ReportRow {
  key: string;
  label: string;
  /** the figure the chart draws */
  value: number;
  /** the table's cells after the label */
  cells: ReactNode[];
}

/** Bars beyond this many are left to the table: a chart of 10,000 bars says nothing and costs a lot. */
export const CHART_ROWS = 20;

/**
 * One report: a grouping to pick, a chart of its largest rows (bars), the same figures as a table paged 50
 * rows at a time (so 10,000 rows never freeze the page), and the export buttons given.
 */
export function ReportBlock({
  id,
  title,
  groups,
  group,
  onGroup,
  headers,
  rows,
  format,
  downloads,
  error,
  pending,
  total,
}: {
  id: string;
  title: string;
  groups: { value: string; label: string }[];
  group: string;
  onGroup: (g: string) => void;
  headers: string[];
  rows: ReportRow[] | undefined;
  format: (value: number) => string;
  downloads?: ReactNode;
  error: unknown;
  pending: boolean;
  total?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const rtl = isLocale(i18n.language) && directionOf(i18n.language) === 'rtl';
  const [page, setPage] = useState(1);
  const paged = pageOf(rows ?? [], page);
  const top = [...(rows ?? [])].sort((a, b) => b.value - a.value).slice(0, CHART_ROWS);
  return (
    <Section id={id} title={title}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          id={`${id}-group`}
          label={t('finance.reports.groupBy')}
          value={group}
          data={groups}
          onChange={(e) => {
            onGroup(e.currentTarget.value);
            setPage(1);
          }}
        />
        {downloads}
      </Group>
      {error ? <ProblemAlert error={error} /> : null}
      {pending && <Loading />}
      {rows && rows.length === 0 && <Text mt="sm">{t('finance.reports.none')}</Text>}
      {rows && rows.length > 0 && (
        <>
          {total && <Text mt="sm">{total}</Text>}
          <Suspense fallback={<Loading />}>
            <BarsChart
              data={top.map((r) => ({ label: r.label, value: r.value }))}
              label={t('finance.reports.chartLabel', { title, count: top.length })}
              rtl={rtl}
              format={format}
            />
          </Suspense>
          <div className="table-scroll">
            <Table striped withTableBorder captionSide="top" miw={360} data-testid={`${id}-table`}>
              <caption>{t('finance.reports.tableCaption', { title, count: rows.length })}</caption>
              <Table.Thead>
                <Table.Tr>
                  {headers.map((h, i) => (
                    <Table.Th key={h} scope="col" ta={i === 0 ? undefined : 'end'}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paged.rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={400}>
                      {r.label}
                    </Table.Th>
                    {r.cells.map((c, i) => (
                      <Table.Td key={i} ta="end">
                        {c}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {paged.pages > 1 && (
            <Pagination
              mt="sm"
              total={paged.pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`finance.pager.${control}`) })}
              getItemProps={(n) => ({ 'aria-label': t('finance.pager.page', { n }) })}
            />
          )}
        </>
      )}
    </Section>
  );
}
