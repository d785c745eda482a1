import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export type Workflow = 'simple' | 'full';
export type OfferState = 'offered' | 'accepted' | 'declined' | 'withdrawn';
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface FundSettings {
  fundId: string;
  workflow: Workflow;
  acceptanceDays: number;
}

/** The post-award columns of a grant (the grants table; the rest of it is read by GrantsRepository). */
export interface Offer {
  grantId: string;
  workflow: Workflow;
  offerState: OfferState | null;
  respondBy: Date | null;
  decidedAt: Date | null;
  note: string | null;
  language: Language | null;
  signatoryId: string | null;
  endDate: string | null;
  originalAmount: number;
}

interface OfferRow {
  id: string;
  workflow: Workflow;
  offer_state: OfferState | null;
  respond_by: Date | null;
  offer_decided_at: Date | null;
  offer_note: string | null;
  language: Language | null;
  signatory_id: string | null;
  end_date: string | null;
  original: string;
}

const OFFER_COLUMNS = `id, workflow, offer_state, respond_by, offer_decided_at, offer_note, language, signatory_id,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, coalesce(original_amount, amount) AS original`;

function toOffer(r: OfferRow): Offer {
  return {
    grantId: r.id,
    workflow: r.workflow,
    offerState: r.offer_state,
    respondBy: r.respond_by,
    decidedAt: r.offer_decided_at,
    note: r.offer_note,
    language: r.language,
    signatoryId: r.signatory_id,
    endDate: r.end_date,
    originalAmount: minor(r.original, 'original_amount'),
  };
}

/** grant_fund_settings and the offer's columns of grants: the only code that runs SQL on them. */
@Injectable()
export class OffersRepository {
  async settings(em: EntityManager, fundId: string): Promise<FundSettings> {
    const [r]: { workflow: Workflow; acceptance_days: number }[] = await em.query(
      `SELECT workflow, acceptance_days FROM grant_fund_settings WHERE fund_id = $1`,
      [fundId],
    );
    return { fundId, workflow: r?.workflow ?? 'simple', acceptanceDays: r?.acceptance_days ?? 30 };
  }

  async saveSettings(em: EntityManager, s: FundSettings, by: string | null): Promise<void> {
    await em.query(
      `INSERT INTO grant_fund_settings (fund_id, workflow, acceptance_days, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (fund_id) DO UPDATE SET workflow = $2, acceptance_days = $3, updated_by = $4, updated_at = now()`,
      [s.fundId, s.workflow, s.acceptanceDays, by],
    );
  }

  async offer(em: EntityManager, grantId: string): Promise<Offer> {
    const [r]: OfferRow[] = await em.query(`SELECT ${OFFER_COLUMNS} FROM grants WHERE id = $1`, [grantId]);
    return toOffer(r);
  }

  /**
   * A new grant's post-award start in one statement (approvals of one call queue on the call's lock, so each
   * round trip counts): the fund's workflow, the offer and its answer date (full workflow), the period's end,
   * the grant's budget lines and report schedule, and the assurance its partner's risk level plans (tables of
   * this context, written here for that reason).
   */
  async open(
    em: EntityManager,
    grantId: string,
    fundId: string,
    now: Date,
    endDate: string,
    budget: readonly { n: number; label: string; amount: number }[],
    schedule: readonly { n: number; final: boolean; dueOn: string }[],
    assurance: readonly { kind: string; plannedOn: string; assignee: string }[] = [],
  ): Promise<void> {
    await em.query(
      `WITH s AS (
         SELECT coalesce((SELECT workflow FROM grant_fund_settings WHERE fund_id = $2), 'simple') AS workflow,
                coalesce((SELECT acceptance_days FROM grant_fund_settings WHERE fund_id = $2), 30) AS days),
       u AS (
         UPDATE grants g SET workflow = s.workflow, offer_state = CASE WHEN s.workflow = 'full' THEN 'offered' END,
           respond_by = CASE WHEN s.workflow = 'full' THEN $3::timestamptz + make_interval(days => s.days) END,
           end_date = $4, original_amount = g.amount
         FROM s WHERE g.id = $1 RETURNING g.id),
       b AS (
         INSERT INTO grant_budget_lines (grant_id, n, label, amount)
         SELECT $1, l.n, l.label, l.amount FROM jsonb_to_recordset($5::jsonb) AS l(n int, label text, amount bigint)),
       r AS (
         INSERT INTO grant_report_schedule (grant_id, n, final, due_on)
         SELECT $1, e.n, e.final, e."dueOn" FROM jsonb_to_recordset($6::jsonb) AS e(n int, final boolean, "dueOn" date)),
       a AS (
         INSERT INTO grant_assurance (grant_id, kind, planned_on, assignee)
         SELECT $1, p.kind, p."plannedOn", p.assignee
         FROM jsonb_to_recordset($7::jsonb) AS p(kind text, "plannedOn" date, assignee text))
       SELECT id FROM u`,
      [
        grantId,
        fundId,
        now,
        endDate,
        JSON.stringify(budget),
        JSON.stringify(schedule),
        JSON.stringify(assurance),
      ],
    );
  }

  async decide(
    em: EntityManager,
    grantId: string,
    state: OfferState,
    at: Date,
    note: string | null,
    acceptance?: { language: Language; signatoryId: string },
  ): Promise<void> {
    await em.query(
      `UPDATE grants SET offer_state = $2, offer_decided_at = $3, offer_note = $4,
         language = coalesce($5, language), signatory_id = coalesce($6, signatory_id) WHERE id = $1`,
      [grantId, state, at, note, acceptance?.language ?? null, acceptance?.signatoryId ?? null],
    );
  }

  async setEndDate(em: EntityManager, grantId: string, endDate: string): Promise<void> {
    await em.query(`UPDATE grants SET end_date = $2 WHERE id = $1`, [grantId, endDate]);
  }

  /** A cost extension: the award and its PSC grow (the original award stays for the 30% cap). */
  async extend(em: EntityManager, grantId: string, amount: number, psc: number): Promise<void> {
    await em.query(
      `UPDATE grants SET original_amount = coalesce(original_amount, amount), amount = amount + $2,
         psc_amount = psc_amount + $3 WHERE id = $1`,
      [grantId, amount, psc],
    );
  }

  /** Offers whose answer is due within `days` and not reminded yet; claims them (the reminder is sent once). */
  async claimReminders(em: EntityManager, now: Date, days: number): Promise<{ id: string }[]> {
    return em.query(
      `WITH c AS (UPDATE grants SET offer_reminded_at = $1
         WHERE offer_state = 'offered' AND offer_reminded_at IS NULL AND respond_by > $1
           AND respond_by <= $1 + make_interval(days => $2) RETURNING id) SELECT id FROM c`,
      [now, days],
    );
  }

  /** Offers past their answer date, not yet reported to the fund managers; claims them. */
  async claimLapsed(em: EntityManager, now: Date): Promise<{ id: string; fund_id: string }[]> {
    return em.query(
      `WITH c AS (UPDATE grants SET offer_lapsed_noticed_at = $1
         WHERE offer_state = 'offered' AND offer_lapsed_noticed_at IS NULL AND respond_by <= $1
         RETURNING id, fund_id) SELECT id, fund_id FROM c`,
      [now],
    );
  }
}
