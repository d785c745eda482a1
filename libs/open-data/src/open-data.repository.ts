import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import type { SensitivePolicy } from './domain/codes';
import type { GrantActivityFacts, PublishingSettings, ReturnFacts, TrancheFacts } from './domain/facts';

interface SettingsRow {
  iati_org_ref: string | null;
  iati_org_type: string;
  sectors: Record<string, string>;
  sensitive_policy: SensitivePolicy;
  updated_at: Date;
}

const SETTINGS_COLUMNS = `iati_org_ref, iati_org_type, sectors, sensitive_policy, updated_at`;

export const DEFAULT_SETTINGS: PublishingSettings = {
  iatiOrgRef: null,
  iatiOrgType: '40',
  sectors: {},
  sensitivePolicy: 'exclude',
  updatedAt: null,
};

function toSettings(r: SettingsRow): PublishingSettings {
  return {
    iatiOrgRef: r.iati_org_ref,
    iatiOrgType: r.iati_org_type,
    sectors: r.sectors,
    sensitivePolicy: r.sensitive_policy,
    updatedAt: r.updated_at,
  };
}

interface GrantRow {
  id: string;
  title: string;
  summary: string;
  currency: string;
  amount: string;
  cancelled: string;
  paid: string;
  returned: string;
  status: GrantActivityFacts['status'];
  countries: string[];
  services: string[];
  approved_at: Date;
  signed_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  org_name: string;
  registration_number: string;
  org_country: string;
  sensitive: boolean | null;
  sensitive_at: Date | null;
}

const GRANT_COLUMNS = `g.id, g.title, a.summary, g.currency, g.amount, g.cancelled, g.paid, g.returned, g.status,
  g.countries, g.services, g.approved_at, g.signed_at, g.closed_at, g.created_at, o.name AS org_name,
  o.registration_number, trim(o.country) AS org_country, s.sensitive, s.updated_at AS sensitive_at`;

interface TrancheRow {
  grant_id: string;
  n: number;
  amount: string;
  state: TrancheFacts['state'];
  paid_at: Date | null;
  cancelled_at: Date | null;
}

interface ReturnRow {
  id: string;
  grant_id: string;
  amount: string;
  effective_at: Date;
  created_at: Date;
}

export interface SensitiveGrantRow {
  grantId: string;
  fundId: string;
  sensitive: boolean;
  reason: string;
  updatedAt: Date;
}

/**
 * The open-data context's SQL. It owns `open_data_settings`, `open_data_sensitive_grants` and
 * `open_data_donor_consent`; over the grants' (grants, grant_tranches, grant_returns), applications'
 * (the summary) and identity's (the NGO's name and registration) tables it is a read model, like the
 * reports' repositories: it reads and never writes them.
 */
@Injectable()
export class OpenDataRepository {
  async settings(em: EntityManager, fundId: string): Promise<PublishingSettings> {
    const [row]: SettingsRow[] = await em.query(
      `SELECT ${SETTINGS_COLUMNS} FROM open_data_settings WHERE fund_id = $1`,
      [fundId],
    );
    return row ? toSettings(row) : { ...DEFAULT_SETTINGS };
  }

  async saveSettings(
    em: EntityManager,
    fundId: string,
    s: Omit<PublishingSettings, 'updatedAt'>,
    by: string | null,
  ): Promise<PublishingSettings> {
    const [row]: SettingsRow[] = await em.query(
      `INSERT INTO open_data_settings (fund_id, iati_org_ref, iati_org_type, sectors, sensitive_policy, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (fund_id) DO UPDATE SET iati_org_ref = $2, iati_org_type = $3, sectors = $4,
         sensitive_policy = $5, updated_by = $6, updated_at = now()
       RETURNING ${SETTINGS_COLUMNS}`,
      [fundId, s.iatiOrgRef, s.iatiOrgType, JSON.stringify(s.sectors), s.sensitivePolicy, by],
    );
    return toSettings(row);
  }

  /** The funds that publish IATI files (an identifier is set), in a stable order. */
  async publishingFunds(em: EntityManager): Promise<string[]> {
    const rows: { fund_id: string }[] = await em.query(
      `SELECT fund_id FROM open_data_settings WHERE iati_org_ref IS NOT NULL ORDER BY fund_id`,
    );
    return rows.map((r) => r.fund_id);
  }

  /** The grant's fund, locked for the change (null: no such grant). */
  async grantFund(em: EntityManager, grantId: string): Promise<string | null> {
    const [row]: { fund_id: string }[] = await em.query(`SELECT fund_id FROM grants WHERE id = $1`, [
      grantId,
    ]);
    return row?.fund_id ?? null;
  }

  async setSensitive(
    em: EntityManager,
    grantId: string,
    sensitive: boolean,
    reason: string,
    by: string | null,
  ): Promise<{ sensitive: boolean; reason: string; updatedAt: Date }> {
    const [row]: { sensitive: boolean; reason: string; updated_at: Date }[] = await em.query(
      `INSERT INTO open_data_sensitive_grants (grant_id, sensitive, reason, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (grant_id) DO UPDATE SET sensitive = $2, reason = $3, updated_by = $4, updated_at = now()
       RETURNING sensitive, reason, updated_at`,
      [grantId, sensitive, reason, by],
    );
    return { sensitive: row.sensitive, reason: row.reason, updatedAt: row.updated_at };
  }

  async donorExists(em: EntityManager, donorId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM donors WHERE id = $1`, [donorId]);
    return rows.length > 0;
  }

  async setConsent(
    em: EntityManager,
    donorId: string,
    consent: boolean,
    by: string | null,
  ): Promise<{ publicConsent: boolean; updatedAt: Date }> {
    const [row]: { public_consent: boolean; updated_at: Date }[] = await em.query(
      `INSERT INTO open_data_donor_consent (donor_id, public_consent, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (donor_id) DO UPDATE SET public_consent = $2, updated_by = $3, updated_at = now()
       RETURNING public_consent, updated_at`,
      [donorId, consent, by],
    );
    return { publicConsent: row.public_consent, updatedAt: row.updated_at };
  }

  /** Every grant of the fund with its tranches and returns, in a stable order (by id, n, date). */
  async grantFacts(em: EntityManager, fundId: string): Promise<GrantActivityFacts[]> {
    const grants: GrantRow[] = await em.query(
      `SELECT ${GRANT_COLUMNS} FROM grants g
       JOIN applications a ON a.id = g.application_id
       JOIN organizations o ON o.id = g.organization_id
       LEFT JOIN open_data_sensitive_grants s ON s.grant_id = g.id
       WHERE g.fund_id = $1 ORDER BY g.id`,
      [fundId],
    );
    const tranches: TrancheRow[] = await em.query(
      `SELECT t.grant_id, t.n, t.amount, t.state, t.paid_at, t.cancelled_at
       FROM grant_tranches t JOIN grants g ON g.id = t.grant_id WHERE g.fund_id = $1 ORDER BY t.grant_id, t.n`,
      [fundId],
    );
    const returns: ReturnRow[] = await em.query(
      `SELECT r.id, r.grant_id, r.amount, r.effective_at, r.created_at
       FROM grant_returns r JOIN grants g ON g.id = r.grant_id WHERE g.fund_id = $1
       ORDER BY r.grant_id, r.effective_at, r.id`,
      [fundId],
    );
    const byGrant = <T extends { grant_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.grant_id, [...(map.get(r.grant_id) ?? []), r]);
      return map;
    };
    const t = byGrant(tranches);
    const r = byGrant(returns);
    return grants.map((g) => ({
      id: g.id,
      title: g.title,
      summary: g.summary,
      currency: g.currency,
      amount: minor(g.amount, 'amount'),
      cancelled: minor(g.cancelled, 'cancelled'),
      paid: minor(g.paid, 'paid'),
      returned: minor(g.returned, 'returned'),
      status: g.status,
      countries: g.countries.map((c) => c.trim()),
      services: g.services,
      approvedAt: g.approved_at,
      signedAt: g.signed_at,
      closedAt: g.closed_at,
      createdAt: g.created_at,
      organization: { name: g.org_name, registrationNumber: g.registration_number, country: g.org_country },
      tranches: (t.get(g.id) ?? []).map((x): TrancheFacts => ({
        n: x.n,
        amount: minor(x.amount, 'tranche'),
        state: x.state,
        paidAt: x.paid_at,
        cancelledAt: x.cancelled_at,
      })),
      returns: (r.get(g.id) ?? []).map((x): ReturnFacts => ({
        id: x.id,
        amount: minor(x.amount, 'return'),
        effectiveAt: x.effective_at,
        createdAt: x.created_at,
      })),
      sensitive: g.sensitive ?? false,
      sensitiveAt: g.sensitive_at,
    }));
  }
}
