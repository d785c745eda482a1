import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import type { ApplicationStatus } from '../domain/application-rules';
import type { CallTerms } from '../domain/budget';
import type { BudgetLineDto } from '../dto/application.dto';
import type { ApplicationRow, AttachmentRow, BudgetLineRow } from './applications.repository';

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
  /** The saver's organization: the function writes only a draft of its own. */
  organizationId: string;
  title?: string;
  summary?: string;
  countries?: string[];
  services?: string[];
  expectedVictims?: number;
  budget?: readonly BudgetLineDto[];
  /** The budget's total when a budget is given (undefined: the draft's amount is kept). */
  requested?: number;
  /** The clock's time of the save: checked against the deadline, and its day's tally row. */
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

type Timestamp = 'submitted_at' | 'screened_at' | 'withdrawn_at' | 'decided_at' | 'created_at' | 'updated_at';

/** The function's row as `row_to_json` gives it: the timestamps as ISO 8601 text, the rest as pg reads it. */
type SavedDraftJson = Omit<SavedDraftRow, Timestamp | 'file_times'> & {
  [K in Timestamp]: SavedDraftRow[K] extends Date ? string : string | null;
} & { file_times: string[] | null };

/**
 * The draft save (`PATCH /api/applications/:id`, issue 20's deadline rush, ADR 0021). `save` is one
 * round trip: `application_draft_save` (a PL/pgSQL function, migration 1764360000000) locks the draft,
 * gates the save (owner, draft, call accepting, deadline, the call's terms: the rules ApplicationsService
 * names in order) and writes the fields, the budget lines and the day's tally, answering with the view's
 * row, or with no row and nothing written when the gate refuses. `lock` is for naming a refusal: the
 * draft's row lock and what the checks need (its call's terms joined, read-only, as `calls.get` read them).
 */
@Injectable()
export class DraftSaveRepository {
  /** SELECT ... FOR UPDATE OF the application (only it: a call change never waits for a save). */
  async lock(em: EntityManager, id: string): Promise<LockedDraft | undefined> {
    const [r] = await em.query<LockedDraftRow[]>(
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
   * The save, in one statement: outside a transaction it is one round trip and its own transaction;
   * inside one (under `lock`, after the checks) it takes the lock it already holds. Undefined when the
   * gate refused (nothing written).
   */
  async save(em: EntityManager, c: DraftChange): Promise<SavedDraft | undefined> {
    const budget = c.budget ?? null;
    // The row as one JSON value: pg reads 30 columns through a type parser each (and the row's description
    // first), about 40 microseconds of the API's CPU a save more than JSON.parse of one value (issue 20).
    const [r] = await em.query<{ saved: SavedDraftJson }[]>(
      `SELECT row_to_json(s) AS saved
       FROM application_draft_save($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) s`,
      [
        c.id,
        c.organizationId,
        c.at,
        c.title ?? null,
        c.summary ?? null,
        c.countries ?? null,
        c.services ?? null,
        c.expectedVictims ?? null,
        budget && budget.map((l) => l.category),
        budget && budget.map((l) => l.description),
        budget && budget.map((l) => String(l.amount)),
        c.requested === undefined ? null : String(c.requested),
        c.fields,
        c.actorId,
        c.address,
      ],
    );
    return r && toSavedDraft(r.saved, budget);
  }
}

function at(text: string): Date;
function at(text: string | null): Date | null;
function at(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

function toSavedDraft(r: SavedDraftJson, budget: readonly BudgetLineDto[] | null): SavedDraft {
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
    created_at: at(r.file_times![i]),
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
    submitted_at: at(r.submitted_at),
    screened_at: at(r.screened_at),
    withdrawn_at: at(r.withdrawn_at),
    decided_at: at(r.decided_at),
    created_at: at(r.created_at),
    updated_at: at(r.updated_at),
  };
  return { row, lines, files };
}
