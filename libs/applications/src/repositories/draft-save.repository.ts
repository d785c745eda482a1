import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor, preparedQuery } from '@app/core';
import type { ApplicationStatus } from '../domain/application-rules';
import type { CallTerms } from '../domain/budget';
import type { BudgetLineDto } from '../dto/application.dto';
import type { ApplicationRow, AttachmentRow, BudgetLineRow } from './applications.repository';
import { editTallyUpsert } from './draft-edits.repository';

/** A draft as its save checks it, locked, with the terms of its call (read in the same statement). */
export interface LockedDraft {
  id: string;
  organizationId: string;
  status: ApplicationStatus;
  countries: string[];
  services: string[];
  requested: number;
  call: CallTerms & { status: string; deadline: Date | null };
}

interface LockedDraftRow {
  id: string;
  organization_id: string;
  status: ApplicationStatus;
  countries: string[];
  services: string[];
  requested: string;
  call_status: string;
  deadline: Date | null;
  themes: string[];
  eligible_countries: string[];
  min_award: string | null;
  max_award: string | null;
}

/** What one save writes: the fields given (undefined: left as they are) and the day's tally. */
export interface DraftChange {
  id: string;
  title?: string;
  summary?: string;
  countries?: string[];
  services?: string[];
  expectedVictims?: number;
  budget?: readonly BudgetLineDto[];
  requested: number;
  /** The clock's time of the save (its day's tally row). */
  at: Date;
  fields: string[];
  actorId: string | null;
  address: string | null;
}

/** The draft as written, with its budget lines and files: what ApplicationView is made of. */
export interface SavedDraft {
  row: ApplicationRow;
  lines: BudgetLineRow[];
  files: AttachmentRow[];
}

interface SavedDraftRow extends ApplicationRow {
  line_categories: string[] | null;
  line_descriptions: string[] | null;
  line_amounts: string[] | null;
  file_ids: string[] | null;
  file_names: string[] | null;
  file_mimes: string[] | null;
  file_sizes: number[] | null;
  file_hashes: string[] | null;
  file_times: Date[] | null;
}

/**
 * The draft save (`PATCH /api/applications/:id`, issue 20's deadline rush) in two statements inside the
 * caller's transaction: `lock` takes the draft's row lock and reads what the checks need (its call's terms
 * joined, read-only, as `calls.get` read them: no lock on the call), then `save` writes the fields, the
 * budget lines and the day's tally and answers with the view, all in one data-modifying statement.
 *
 * Why `save` can read the lines and files in its own statement: its snapshot is taken after `lock` holds
 * the row lock, and every writer of a draft's lines or files (a save, an upload) holds that lock, so
 * nothing can change them between the snapshot and the commit.
 */
@Injectable()
export class DraftSaveRepository {
  /** SELECT ... FOR UPDATE OF the application (only it: a call change never waits for a save). */
  async lock(em: EntityManager, id: string): Promise<LockedDraft | undefined> {
    const [r] = await preparedQuery<LockedDraftRow>(
      em,
      'applications.draft-lock',
      `SELECT a.id, a.organization_id, a.status, a.countries, a.services,
         a.requested::bigint::text AS requested, c.status AS call_status, c.deadline, c.themes,
         c.eligible_countries, c.min_award::bigint::text AS min_award, c.max_award::bigint::text AS max_award
       FROM applications a JOIN calls c ON c.id = a.call_id
       WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    if (!r) return undefined;
    return {
      id: r.id,
      organizationId: r.organization_id,
      status: r.status,
      countries: r.countries,
      services: r.services,
      requested: minor(r.requested, 'requested'),
      call: {
        status: r.call_status,
        deadline: r.deadline,
        themes: r.themes,
        eligibleCountries: r.eligible_countries,
        minAward: r.min_award === null ? null : minor(r.min_award, 'minAward'),
        maxAward: r.max_award === null ? null : minor(r.max_award, 'maxAward'),
      },
    };
  }

  /**
   * One statement: the draft's fields (those given; `updated_at` now), its budget lines when given (lines
   * 1..k upserted in place, lines after k deleted: the two touch different rows, so their order inside the
   * statement does not matter), one save more on the day's tally, and the view's row with the draft's
   * lines (as given, else as stored) and files. Call it under `lock`, after the checks.
   */
  async save(em: EntityManager, c: DraftChange): Promise<SavedDraft> {
    const budget = c.budget ?? null;
    const [r] = await preparedQuery<SavedDraftRow>(
      em,
      'applications.draft-save',
      `WITH a AS (
         UPDATE applications SET title = coalesce($2, title), summary = coalesce($3, summary),
           countries = coalesce($4::text[], countries), services = coalesce($5::text[], services),
           expected_victims = coalesce($6::int, expected_victims), requested = $7, updated_at = now()
         WHERE id = $1 AND status = 'draft'
         RETURNING id, call_id, fund_id, organization_id, title, summary, countries, services, expected_victims,
           requested, currency, status, eligibility_reason, submitted_at, screened_at, withdrawn_at,
           decided_at, created_at, updated_at),
       put AS (
         INSERT INTO application_budget_lines (application_id, n, category, description, amount)
         SELECT a.id, t.n, t.category, t.description, t.amount
         FROM a, unnest($8::text[], $9::text[], $10::bigint[]) WITH ORDINALITY AS t(category, description, amount, n)
         ON CONFLICT (application_id, n) DO UPDATE SET category = EXCLUDED.category,
           description = EXCLUDED.description, amount = EXCLUDED.amount),
       cut AS (
         DELETE FROM application_budget_lines l USING a
         WHERE $8::text[] IS NOT NULL AND l.application_id = a.id AND l.n > cardinality($8::text[])),
       tally AS (
         ${editTallyUpsert('a.id, $11::timestamptz, $12::text[], a.requested, $13::uuid, $14::text', 'FROM a')})
       SELECT a.id, a.call_id, a.fund_id, a.organization_id, o.name AS organization_name, c.blind, a.title,
         a.summary, a.countries, a.services, a.expected_victims, a.requested::bigint::text AS requested,
         a.currency, a.status, a.eligibility_reason, a.submitted_at, a.screened_at, a.withdrawn_at,
         a.decided_at, a.created_at, a.updated_at,
         lines.categories AS line_categories, lines.descriptions AS line_descriptions,
         lines.amounts AS line_amounts, files.ids AS file_ids, files.names AS file_names,
         files.mimes AS file_mimes, files.sizes AS file_sizes, files.hashes AS file_hashes,
         files.times AS file_times
       FROM a JOIN organizations o ON o.id = a.organization_id JOIN calls c ON c.id = a.call_id
       CROSS JOIN LATERAL (
         SELECT array_agg(l.category ORDER BY l.n) AS categories,
           array_agg(l.description ORDER BY l.n) AS descriptions,
           array_agg(l.amount::bigint::text ORDER BY l.n) AS amounts
         FROM application_budget_lines l WHERE $8::text[] IS NULL AND l.application_id = a.id) lines
       CROSS JOIN LATERAL (
         SELECT array_agg(f.id::text ORDER BY f.created_at, f.id) AS ids,
           array_agg(f.filename ORDER BY f.created_at, f.id) AS names,
           array_agg(f.mime ORDER BY f.created_at, f.id) AS mimes,
           array_agg(f.size ORDER BY f.created_at, f.id) AS sizes,
           array_agg(f.sha256::text ORDER BY f.created_at, f.id) AS hashes,
           array_agg(f.created_at ORDER BY f.created_at, f.id) AS times
         FROM application_attachments f WHERE f.application_id = a.id) files`,
      [
        c.id,
        c.title ?? null,
        c.summary ?? null,
        c.countries ?? null,
        c.services ?? null,
        c.expectedVictims ?? null,
        String(c.requested),
        budget && budget.map((l) => l.category),
        budget && budget.map((l) => l.description),
        budget && budget.map((l) => String(l.amount)),
        c.at,
        c.fields,
        c.actorId,
        c.address,
      ],
    );
    // `lock` saw a draft under the row lock: the UPDATE cannot miss it.
    if (!r) throw new Error(`draft ${c.id} was not saved`);
    return toSavedDraft(r, budget);
  }
}

function toSavedDraft(r: SavedDraftRow, budget: readonly BudgetLineDto[] | null): SavedDraft {
  const lines: BudgetLineRow[] = budget
    ? budget.map((l) => ({
        application_id: r.id,
        category: l.category,
        description: l.description,
        amount: String(l.amount),
      }))
    : (r.line_categories ?? []).map((category, i) => ({
        application_id: r.id,
        category,
        description: r.line_descriptions![i],
        amount: r.line_amounts![i],
      }));
  const files: AttachmentRow[] = (r.file_ids ?? []).map((id, i) => ({
    application_id: r.id,
    id,
    filename: r.file_names![i],
    mime: r.file_mimes![i],
    size: r.file_sizes![i],
    sha256: r.file_hashes![i],
    created_at: r.file_times![i],
  }));
  const row: ApplicationRow = {
    id: r.id,
    call_id: r.call_id,
    fund_id: r.fund_id,
    organization_id: r.organization_id,
    organization_name: r.organization_name,
    blind: r.blind,
    title: r.title,
    summary: r.summary,
    countries: r.countries,
    services: r.services,
    expected_victims: r.expected_victims,
    requested: r.requested,
    currency: r.currency,
    status: r.status,
    eligibility_reason: r.eligibility_reason,
    submitted_at: r.submitted_at,
    screened_at: r.screened_at,
    withdrawn_at: r.withdrawn_at,
    decided_at: r.decided_at,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
  return { row, lines, files };
}
