import { DocumentKit, DocumentLocale, fill, formatMinor } from '@app/core';
import type { TableColumn, TableSpec } from '@app/core';
import { day } from '../domain/period';
import { FundStatement, StatementFigures, StatementMovements } from '../domain/statement';
import { DonorStatement } from '../donor-statement.service';
import { STATEMENT_LABELS, StatementWord } from './statement-labels';

/** Who reads the document and when it is made (the footer's "generated at / by"). */
export interface DocumentContext {
  locale: DocumentLocale;
  generatedBy: string;
  generatedAt: Date;
  /** The fund's logo (PNG or JPEG bytes) for the letterhead, when the fund uploaded one. */
  logo?: Buffer;
}

const FIGURES: (keyof StatementFigures)[] = [
  'received',
  'pledged',
  'committed',
  'disbursed',
  'outstanding',
  'returned',
  'psc',
  'costs',
  'available',
];

const MOVEMENTS: (keyof StatementMovements)[] = [
  'contributions',
  'reversals',
  'commitments',
  'cancellations',
  'pscReserved',
  'pscReleased',
  'disbursements',
  'returns',
  'costs',
];

function words(locale: DocumentLocale) {
  const w = STATEMENT_LABELS[locale];
  return (key: StatementWord, values: Record<string, string | number> = {}) => fill(w[key], values);
}

function periodText(t: ReturnType<typeof words>, from: string | null, to: string): string {
  return t('period', { from: from ? day(new Date(from)) : t('beginning'), to: day(new Date(to)) });
}

/**
 * The fund's balance statement (issue 22): the balance lines in rows with opening, movement and closing
 * in columns, figures on the decimal point, the available balance ruled as the total; the movements by
 * kind; the progress toward the new-call target as a bar with its figures; key figures as sentences.
 */
export function fundStatementPdf(s: FundStatement, ctx?: DocumentContext): PDFKit.PDFDocument {
  const locale = ctx?.locale ?? 'en';
  const t = words(locale);
  const money = (n: number) => formatMinor(n, s.currency);
  const kit = new DocumentKit({
    locale,
    title: `Balance statement ${s.fundCode}`,
    subject: `${t('balanceTitle')}: ${s.fundName}, ${periodText(t, s.from, s.to)}`,
    author: s.fundName,
    generatedAt: ctx?.generatedAt ?? new Date(s.to),
    generatedBy: ctx?.generatedBy ?? s.fundName,
    keywords: `statement ${s.fundCode}`,
  });
  kit.letterhead(s.fundName, s.fundCode, ctx?.logo);
  kit.heading(t('balanceTitle'), 1);
  kit.paragraph(periodText(t, s.from, s.to), { size: 11 });
  const row = (key: keyof StatementFigures) => [
    t(`f.${key}`),
    money(s.opening[key]),
    money(s.closing[key] - s.opening[key]),
    money(s.closing[key]),
  ];
  kit.heading(t('figures'));
  kit.table({
    summary: t('figures'),
    columns: [
      { header: t('line'), width: 0.4 },
      { header: t('opening'), width: 0.2, align: 'decimal' },
      { header: t('movement'), width: 0.2, align: 'decimal' },
      { header: t('closing'), width: 0.2, align: 'decimal' },
    ],
    rows: FIGURES.filter((k) => k !== 'available').map(row),
    totals: [row('available')],
  });
  kit.heading(t('movements'));
  kit.table({
    summary: t('movements'),
    columns: [
      { header: t('line'), width: 0.7 },
      { header: t('amount'), width: 0.3, align: 'decimal' },
    ],
    rows: MOVEMENTS.map((k) => [t(`m.${k}`), money(s.movements[k])]),
    totals: [[t('m.availableChange'), money(s.movements.availableChange)]],
  });
  kit.heading(t('progress'));
  const percent = (s.progress * 100).toFixed(1);
  kit.progress(
    s.progress,
    t('progressText', { available: money(s.closing.available), target: money(s.target), percent }),
  );
  kit.heading(t('keyFigures'));
  kit.paragraph(`${t('f.available')}: ${money(s.closing.available)}`);
  kit.paragraph(`${t('m.contributions')}: ${money(s.movements.contributions)}`);
  kit.paragraph(`${t('target')}: ${money(s.target)}`);
  return kit.end();
}

/** A donor's statement (issue 22): the period's contributions as a table with receipt numbers and a total. */
export function donorStatementPdf(s: DonorStatement, ctx?: DocumentContext): PDFKit.PDFDocument {
  const locale = ctx?.locale ?? 'en';
  const t = words(locale);
  const kit = new DocumentKit({
    locale,
    title: `Statement ${s.donorName}`,
    subject: `${t('donorTitle')}: ${s.donorName}, ${periodText(t, s.from, s.to)}`,
    author: 'Trust Fund Grants',
    generatedAt: ctx?.generatedAt ?? new Date(s.to),
    generatedBy: ctx?.generatedBy ?? 'Trust Fund Grants',
    keywords: 'statement contributions',
  });
  const funds = [...new Set(s.lines.map((l) => l.fundName))];
  kit.letterhead(funds.length === 1 ? funds[0] : 'Trust Fund Grants', t('donorTitle'));
  kit.heading(t('donorTitle'), 1);
  kit.paragraph(`${s.donorName} (${t(s.donorType === 'member_state' ? 'memberState' : 'private')})`, {
    size: 12,
    bold: true,
  });
  kit.paragraph(periodText(t, s.from, s.to));
  if (!s.lines.length) kit.paragraph(t('none'));
  else kit.table(donorTable(s, t, funds.length > 1));
  for (const x of s.totals)
    kit.paragraph(t('totalReceived', { amount: formatMinor(x.amount, x.currency), count: x.count }), {
      bold: true,
    });
  if (s.lines.some((l) => l.void)) kit.paragraph(t('voidNote'), { size: 9 });
  return kit.end();
}

/** The donor statement's table; the fund column only when the contributions went to several funds. */
function donorTable(s: DonorStatement, t: ReturnType<typeof words>, fundColumn: boolean): TableSpec {
  const columns: (TableColumn & { value: (l: DonorStatement['lines'][number]) => string })[] = [
    { header: t('receipt'), width: fundColumn ? 0.25 : 0.27, value: (l) => l.receiptNumber },
    { header: t('date'), width: 0.12, value: (l) => day(new Date(l.receivedAt)) },
    ...(fundColumn
      ? [{ header: t('fund'), width: 0.09, value: (l: DonorStatement['lines'][number]) => l.fundCode }]
      : []),
    {
      header: t('received'),
      width: fundColumn ? 0.17 : 0.18,
      align: 'decimal',
      value: (l) => formatMinor(l.amount, l.currency),
    },
    {
      header: t('rate'),
      width: 0.08,
      align: 'decimal',
      value: (l) => (l.currency === l.fundCurrency ? '' : (l.usdRate ?? '')),
    },
    {
      header: t('inFundCurrency'),
      width: fundColumn ? 0.17 : 0.18,
      align: 'decimal',
      value: (l) => formatMinor(l.fundAmount, l.fundCurrency),
    },
    {
      header: t('status'),
      width: fundColumn ? 0.12 : 0.17,
      value: (l) => (l.void ? `${t('void')} ${day(new Date(l.reversedAt ?? l.receivedAt))}` : ''),
    },
  ];
  const totalAt = columns.findIndex((c) => c.header === t('inFundCurrency'));
  return {
    summary: t('donorTitle'),
    columns,
    rows: s.lines.map((l) => columns.map((c) => c.value(l))),
    totals: s.totals.map((x) =>
      columns.map((_, i) =>
        i === 0
          ? t('total')
          : i === totalAt
            ? formatMinor(x.amount, x.currency)
            : i === columns.length - 1
              ? `${x.count}`
              : '',
      ),
    ),
  };
}
