import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import type { FundStatementView } from './finance-api';

/** The balance's figures, in the API's order (docs/api.md "The balance"). */
export const FIGURES = [
  'received',
  'pledged',
  'committed',
  'disbursed',
  'outstanding',
  'returned',
  'psc',
  'costs',
  'available',
] as const;

export const MOVEMENTS = [
  'contributions',
  'reversals',
  'commitments',
  'cancellations',
  'pscReserved',
  'pscReleased',
  'disbursements',
  'returns',
  'costs',
  'availableChange',
] as const;

/** One line of the statement as the screen and the CSV both hold it: the CSV's `key` and `amount`. */
export interface StatementLine {
  key: string;
  label: string;
  amount: number;
}

/**
 * The statement's lines, keyed as the API's CSV, XLSX and PDF key them (opening.*, movements.*, closing.*,
 * target): the screen and the downloads come from the same figures, formatted by the same rule.
 */
export function statementLines(
  s: FundStatementView,
  label: (group: 'figures' | 'movements', key: string) => string,
): { opening: StatementLine[]; movements: StatementLine[]; closing: StatementLine[] } {
  return {
    opening: FIGURES.map((k) => ({ key: `opening.${k}`, label: label('figures', k), amount: s.opening[k] })),
    movements: MOVEMENTS.map((k) => ({
      key: `movements.${k}`,
      label: label('movements', k),
      amount: s.movements[k],
    })),
    closing: [
      ...FIGURES.map((k) => ({ key: `closing.${k}`, label: label('figures', k), amount: s.closing[k] })),
      { key: 'target', label: label('figures', 'target'), amount: s.target },
    ],
  };
}

function LinesTable({
  caption,
  lines,
  currency,
  headers,
}: {
  caption: string;
  lines: StatementLine[];
  currency: string;
  headers: [string, string];
}) {
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <Table striped withTableBorder captionSide="top" miw={240}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{headers[0]}</Table.Th>
            <Table.Th scope="col" ta="end">
              {headers[1]}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.key} data-key={line.key}>
              <Table.Th scope="row" fw={400}>
                {line.label}
              </Table.Th>
              <Table.Td ta="end" data-amount={line.amount}>
                <bdi className="ltr-isolate">{formatMoney(line.amount, currency, locale)}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The statement for a period: opening figures, what moved them, closing figures and the target. */
export function StatementTable({ statement }: { statement: FundStatementView }) {
  const { t } = useTranslation();
  const lines = statementLines(statement, (group, key) => t(`finance.${group}.${key}`));
  const headers: [string, string] = [t('finance.statement.line'), t('finance.statement.amount')];
  return (
    <div data-testid="statement">
      <LinesTable
        caption={t('finance.statement.opening')}
        lines={lines.opening}
        currency={statement.currency}
        headers={headers}
      />
      <LinesTable
        caption={t('finance.statement.movements')}
        lines={lines.movements}
        currency={statement.currency}
        headers={headers}
      />
      <LinesTable
        caption={t('finance.statement.closing')}
        lines={lines.closing}
        currency={statement.currency}
        headers={headers}
      />
    </div>
  );
}
