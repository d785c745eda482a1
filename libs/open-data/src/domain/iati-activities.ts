import { allocate } from '@app/core';
import {
  ACTIVITY_DATE,
  ACTIVITY_STATUS,
  DEFAULT_SECTORS,
  NGO_TYPE,
  ORG_ROLE,
  SECTOR_VOCABULARY_DAC5,
  TRANSACTION,
} from './codes';
import type { FundFacts, GrantActivityFacts, PublishingSettings } from './facts';

/**
 * The IATI activity model: one activity per grant, built from the facts alone (no clock, no randomness),
 * so the same data always gives the same model and, through iati-xml.ts, the same bytes. Money stays in
 * minor units here; the XML writes it as decimals.
 */
export interface IatiNarrative {
  lang: string;
  text: string;
}

export interface IatiOrg {
  role: string;
  ref: string | null;
  type: string;
  name: string;
}

export interface IatiTransaction {
  ref: string;
  type: string;
  date: string;
  value: number;
  currency: string;
  valueDate: string;
  description: string;
  receiver: IatiOrg | null;
}

export interface IatiActivity {
  identifier: string;
  lastUpdated: Date;
  currency: string;
  title: IatiNarrative;
  description: IatiNarrative;
  participants: IatiOrg[];
  status: string;
  dates: { type: string; date: string }[];
  countries: { code: string; hundredths: number }[];
  sectors: { code: string; hundredths: number }[];
  budget: { start: string; end: string; value: number; valueDate: string };
  transactions: IatiTransaction[];
}

/** The data's language: titles and summaries are written in English in this system. */
export const DATA_LANG = 'en';

export const day = (d: Date): string => d.toISOString().slice(0, 10);

/** The planned end of a grant: its agreements run a year from the planned start (README, Open data). */
export function plannedEnd(start: Date): Date {
  const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()));
  end.setUTCDate(end.getUTCDate() - 1);
  return end;
}

/** Shares of 10 000 hundredths per distinct key, in the order the keys first appear, sorted by key. */
function shares(keys: readonly string[]): { code: string; hundredths: number }[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const codes = [...counts.keys()].sort();
  const parts = allocate(
    10_000,
    codes.map((c) => counts.get(c) ?? 0),
  );
  return codes.map((code, i) => ({ code, hundredths: parts[i] }));
}

/** The sector of each service line, the fund's own mapping over the defaults. */
export function sectorOf(service: string, settings: PublishingSettings): string {
  return settings.sectors[service] ?? DEFAULT_SECTORS[service] ?? '99810';
}

export function activityIdentifier(orgRef: string, fund: FundFacts, grantId: string): string {
  return `${orgRef}-${fund.code}-${grantId}`;
}

function latest(dates: readonly (Date | null)[]): Date {
  return new Date(Math.max(...dates.filter((d): d is Date => d !== null).map((d) => d.getTime())));
}

/** When anything the activity shows last changed: its own dates, its money's, the settings'. */
export function lastUpdatedOf(g: GrantActivityFacts, settings: PublishingSettings): Date {
  return latest([
    g.createdAt,
    g.approvedAt,
    g.signedAt,
    g.closedAt,
    g.sensitiveAt,
    settings.updatedAt,
    ...g.tranches.flatMap((t) => [t.paidAt, t.cancelledAt]),
    ...g.returns.flatMap((r) => [r.createdAt, r.effectiveAt]),
  ]);
}

/**
 * Whether the grant is published and how: a sensitive grant is left out under the `exclude` policy, and
 * published without its NGO and with a neutral title and description under `redact`.
 */
export function publication(g: GrantActivityFacts, settings: PublishingSettings): 'full' | 'redacted' | null {
  if (!g.sensitive) return 'full';
  return settings.sensitivePolicy === 'exclude' ? null : 'redacted';
}

export function grantActivity(
  g: GrantActivityFacts,
  fund: FundFacts,
  settings: PublishingSettings & { iatiOrgRef: string },
): IatiActivity | null {
  const mode = publication(g, settings);
  if (!mode) return null;
  const funder: IatiOrg = {
    role: ORG_ROLE.funding,
    ref: settings.iatiOrgRef,
    type: settings.iatiOrgType,
    name: fund.name,
  };
  const ngo: IatiOrg | null =
    mode === 'full'
      ? {
          role: ORG_ROLE.implementing,
          ref: g.organization.registrationNumber.trim()
            ? `${g.organization.country}-${g.organization.registrationNumber.trim()}`
            : null,
          type: NGO_TYPE,
          name: g.organization.name,
        }
      : null;
  const start = g.signedAt ?? g.approvedAt;
  const dates = [
    { type: ACTIVITY_DATE.plannedStart, date: day(start) },
    ...(g.signedAt ? [{ type: ACTIVITY_DATE.actualStart, date: day(g.signedAt) }] : []),
    { type: ACTIVITY_DATE.plannedEnd, date: day(plannedEnd(start)) },
    ...(g.closedAt && g.status !== 'active'
      ? [{ type: ACTIVITY_DATE.actualEnd, date: day(g.closedAt) }]
      : []),
  ];
  const id = activityIdentifier(settings.iatiOrgRef, fund, g.id);
  const base = { currency: g.currency, receiver: null } as const;
  const transactions: IatiTransaction[] = [
    {
      ...base,
      ref: `${id}-commitment`,
      type: TRANSACTION.commitment,
      date: day(g.approvedAt),
      value: g.amount,
      valueDate: day(g.approvedAt),
      description: 'Grant awarded',
      receiver: ngo,
    },
  ];
  const cancelledAt = latest(g.tranches.map((t) => t.cancelledAt));
  if (g.cancelled > 0) {
    const at = Number.isNaN(cancelledAt.getTime()) ? (g.closedAt ?? g.approvedAt) : cancelledAt;
    transactions.push({
      ...base,
      ref: `${id}-cancellation`,
      type: TRANSACTION.commitment,
      date: day(at),
      value: -g.cancelled,
      valueDate: day(at),
      description: 'Undisbursed tranches cancelled',
    });
  }
  for (const t of g.tranches) {
    if (t.state !== 'paid' || !t.paidAt) continue;
    transactions.push({
      ...base,
      ref: `${id}-tranche-${t.n}`,
      type: TRANSACTION.disbursement,
      date: day(t.paidAt),
      value: t.amount,
      valueDate: day(t.paidAt),
      description: `Tranche ${t.n} paid`,
      receiver: ngo,
    });
  }
  // Unspent money the NGO returns is a negative disbursement (README, Open data: IATI's guidance for
  // refunds), so the disbursements add up to what the NGO kept.
  for (const r of g.returns) {
    transactions.push({
      ...base,
      ref: `${id}-return-${r.id}`,
      type: TRANSACTION.disbursement,
      date: day(r.effectiveAt),
      value: -r.amount,
      valueDate: day(r.effectiveAt),
      description: 'Unspent funds returned by the grantee',
      receiver: ngo,
    });
  }
  transactions.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0,
  );
  return {
    identifier: id,
    lastUpdated: lastUpdatedOf(g, settings),
    currency: g.currency,
    title: {
      lang: DATA_LANG,
      text: mode === 'full' ? g.title : `Grant ${fund.code} ${g.id.slice(0, 8)} (details withheld)`,
    },
    description: {
      lang: DATA_LANG,
      text:
        mode === 'full'
          ? g.summary || g.title
          : 'The details of this grant are withheld to protect the people it serves.',
    },
    participants: ngo ? [funder, ngo] : [funder],
    status:
      g.status === 'active'
        ? ACTIVITY_STATUS.implementation
        : g.status === 'closed'
          ? ACTIVITY_STATUS.closed
          : ACTIVITY_STATUS.cancelled,
    dates,
    countries: shares(g.countries),
    sectors: shares(g.services.map((s) => sectorOf(s, settings))),
    budget: {
      start: day(start),
      end: day(plannedEnd(start)),
      value: g.amount - g.cancelled,
      valueDate: day(g.approvedAt),
    },
    transactions,
  };
}

export const SECTOR_VOCABULARY = SECTOR_VOCABULARY_DAC5;
