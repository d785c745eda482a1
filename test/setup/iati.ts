import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currencyExponent } from '@app/core';

/** The IATI 2.03 schemas, kept in the repository (docs/iati) so a fresh clone validates without ../shared. */
export const IATI_SCHEMAS = {
  activities: join(__dirname, '..', '..', 'docs', 'iati', 'iati-activities-schema.xsd'),
  organisation: join(__dirname, '..', '..', 'docs', 'iati', 'iati-organisations-schema.xsd'),
};

/** `xmllint --noout --schema` on the document: its exit code and what it said (libxml2-utils). */
export function xmllint(xml: string, schema: keyof typeof IATI_SCHEMAS): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iati-'));
  try {
    const file = join(dir, 'file.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', IATI_SCHEMAS[schema], file], {
      encoding: 'utf8',
    });
    if (run.error) throw run.error;
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A decimal of the file ("-1234.50") back in minor units, by string: no float. */
export function minorOf(decimal: string, exponent = 2): number {
  const negative = decimal.startsWith('-');
  const [whole, frac = ''] = decimal.replace(/^-/, '').split('.');
  const units =
    Number(whole) * 10 ** exponent + Number((frac + '0'.repeat(exponent)).slice(0, exponent) || 0);
  return negative ? -units : units;
}

export interface ParsedTransaction {
  activity: string;
  type: string;
  value: number;
  currency: string;
  valueDate: string;
}

/** The transactions of an activity file (its shape is ours and schema-checked, so patterns suffice). */
export function transactionsOf(xml: string): ParsedTransaction[] {
  const out: ParsedTransaction[] = [];
  for (const activity of xml.split('<iati-activity ').slice(1)) {
    const id = /<iati-identifier>([^<]+)<\/iati-identifier>/.exec(activity)?.[1] ?? '';
    for (const tx of activity.split('<transaction ').slice(1)) {
      const type = /<transaction-type code="(\d+)"/.exec(tx)?.[1];
      const value = /<value currency="([A-Z]{3})" value-date="([\d-]+)">(-?[\d.]+)<\/value>/.exec(tx);
      if (!type || !value) throw new Error(`a transaction without type or value in ${id}`);
      out.push({
        activity: id,
        type,
        currency: value[1],
        valueDate: value[2],
        value: minorOf(value[3], currencyExponent(value[1])),
      });
    }
  }
  return out;
}

export const identifiersOf = (xml: string): string[] =>
  [...xml.matchAll(/<iati-identifier>([^<]+)<\/iati-identifier>/g)].map((m) => m[1]);

export const generatedOf = (xml: string): string => /generated-datetime="([^"]+)"/.exec(xml)?.[1] ?? '';

/** The values of one element of the organisation file (total-budget, total-expenditure, ...). */
export function figuresOf(xml: string, element: string): number[] {
  return [...xml.matchAll(new RegExp(`<${element}[ >][\\s\\S]*?<value [^>]*>(-?[\\d.]+)</value>`, 'g'))].map(
    (m) => minorOf(m[1]),
  );
}
