import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BankAccount } from '../domain/bank';
import type { DocumentType, ProfileDetails } from '../domain/profile';

export interface Profile {
  organizationId: string;
  legalName: string | null;
  otherNames: string[];
  acronyms: string[];
  details: ProfileDetails;
  bank: BankAccount | null;
  pendingBank: BankAccount | null;
  bankChangeRequestedAt: Date | null;
  ddVerifiedAt: Date | null;
  ddVerifiedBy: string | null;
  updatedAt: Date;
}

interface ProfileRow {
  organization_id: string;
  legal_name: string | null;
  other_names: string[];
  acronyms: string[];
  details: ProfileDetails;
  bank: BankAccount | null;
  pending_bank: BankAccount | null;
  bank_change_requested_at: Date | null;
  dd_verified_at: Date | null;
  dd_verified_by: string | null;
  updated_at: Date;
}

const PROFILE_COLUMNS = `organization_id, legal_name, other_names, acronyms, details, bank, pending_bank,
  bank_change_requested_at, dd_verified_at, dd_verified_by, updated_at`;

function toProfile(r: ProfileRow): Profile {
  return {
    organizationId: r.organization_id,
    legalName: r.legal_name,
    otherNames: r.other_names,
    acronyms: r.acronyms,
    details: r.details,
    bank: r.bank,
    pendingBank: r.pending_bank,
    bankChangeRequestedAt: r.bank_change_requested_at,
    ddVerifiedAt: r.dd_verified_at,
    ddVerifiedBy: r.dd_verified_by,
    updatedAt: r.updated_at,
  };
}

export interface DocumentRecord {
  id: string;
  organizationId: string;
  type: DocumentType;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  issuedOn: string;
  expiresOn: string | null;
  createdAt: Date;
}

interface DocumentRow {
  id: string;
  organization_id: string;
  type: DocumentType;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  issued_on: string;
  expires_on: string | null;
  created_at: Date;
}

const DOCUMENT_COLUMNS = `id, organization_id, type, filename, mime, size, sha256, issued_on::text AS issued_on,
  expires_on::text AS expires_on, created_at`;

function toDocument(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    type: r.type,
    filename: r.filename,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    createdAt: r.created_at,
  };
}

export interface ProfileWrite {
  legalName: string | null;
  otherNames: string[];
  acronyms: string[];
  details: ProfileDetails;
  bank: BankAccount | null;
  pendingBank: BankAccount | null;
  bankChangeRequested: boolean;
}

/** The partners context's profile and document tables (ADR 0008: the only SQL on them). */
@Injectable()
export class ProfilesRepository {
  async get(
    em: EntityManager,
    organizationId: string,
    lock: 'update' | 'share' | null = null,
  ): Promise<Profile | null> {
    const suffix = lock === 'update' ? ' FOR UPDATE' : lock === 'share' ? ' FOR SHARE' : '';
    const [row] = (await em.query(
      `SELECT ${PROFILE_COLUMNS} FROM partner_profiles WHERE organization_id = $1${suffix}`,
      [organizationId],
    )) as ProfileRow[];
    return row ? toProfile(row) : null;
  }

  /** The profiles of several organizations (a page of the staff's list); missing ones are left out. */
  async getMany(em: EntityManager, organizationIds: readonly string[]): Promise<Profile[]> {
    const rows = (await em.query(
      `SELECT ${PROFILE_COLUMNS} FROM partner_profiles WHERE organization_id = ANY($1::uuid[])`,
      [organizationIds],
    )) as ProfileRow[];
    return rows.map(toProfile);
  }

  /** The documents of several organizations, with the count of duplicates each is linked to. */
  async documentsOfMany(em: EntityManager, organizationIds: readonly string[]): Promise<DocumentRecord[]> {
    const rows = (await em.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM partner_documents WHERE organization_id = ANY($1::uuid[])
        ORDER BY organization_id, type, issued_on DESC, id`,
      [organizationIds],
    )) as DocumentRow[];
    return rows.map(toDocument);
  }

  async duplicateCounts(em: EntityManager, organizationIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await em.query(
      `SELECT organization_id, count(*)::int AS n FROM partner_duplicates
        WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`,
      [organizationIds],
    )) as { organization_id: string; n: number }[];
    return new Map(rows.map((r) => [r.organization_id, r.n]));
  }

  /** Creates the empty profile if it is missing, then locks it (the row every change of it waits on). */
  async lockOrCreate(em: EntityManager, organizationId: string): Promise<Profile> {
    await em.query(
      `INSERT INTO partner_profiles (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId],
    );
    return (await this.get(em, organizationId, 'update'))!;
  }

  async write(em: EntityManager, organizationId: string, p: ProfileWrite, by: string | null): Promise<void> {
    await em.query(
      `UPDATE partner_profiles SET legal_name = $2, other_names = $3, acronyms = $4, details = $5,
         registration_number = $6, registration_country = $7, bank = $8, bank_iban = $9, pending_bank = $10,
         bank_change_requested_at = CASE WHEN $11 THEN now() WHEN $10::jsonb IS NULL THEN NULL
           ELSE bank_change_requested_at END,
         bank_change_requested_by = CASE WHEN $11 THEN $12::uuid WHEN $10::jsonb IS NULL THEN NULL
           ELSE bank_change_requested_by END,
         updated_at = now(), updated_by = $12
       WHERE organization_id = $1`,
      [
        organizationId,
        p.legalName,
        p.otherNames,
        p.acronyms,
        JSON.stringify(p.details),
        p.details.registration?.number ?? null,
        p.details.registration?.country ?? null,
        p.bank ? JSON.stringify(p.bank) : null,
        p.bank?.iban ?? p.bank?.accountNumber ?? null,
        p.pendingBank ? JSON.stringify(p.pendingBank) : null,
        p.bankChangeRequested,
        by,
      ],
    );
  }

  async setVerified(em: EntityManager, organizationId: string, by: string | null, at: Date): Promise<void> {
    await em.query(
      `UPDATE partner_profiles SET dd_verified_at = $2, dd_verified_by = $3 WHERE organization_id = $1`,
      [organizationId, at, by],
    );
  }

  async allOrganizationIds(em: EntityManager): Promise<string[]> {
    const rows = (await em.query(
      `SELECT organization_id FROM partner_profiles ORDER BY organization_id`,
    )) as {
      organization_id: string;
    }[];
    return rows.map((r) => r.organization_id);
  }

  /** Other organizations with the same registration (number and country) or the same bank account. */
  async duplicatesOf(
    em: EntityManager,
    organizationId: string,
    registration: { number: string; country: string } | null,
    account: string | null,
  ): Promise<{ otherId: string; reason: 'registration' | 'bank_account' }[]> {
    const rows = (await em.query(
      `SELECT organization_id AS other_id, 'registration' AS reason FROM partner_profiles
        WHERE organization_id <> $1 AND $2::text IS NOT NULL
          AND upper(registration_number) = upper($2) AND registration_country = $3
       UNION ALL
       SELECT organization_id, 'bank_account' FROM partner_profiles
        WHERE organization_id <> $1 AND $4::text IS NOT NULL AND bank_iban = $4`,
      [organizationId, registration?.number ?? null, registration?.country ?? null, account],
    )) as { other_id: string; reason: 'registration' | 'bank_account' }[];
    return rows.map((r) => ({ otherId: r.other_id, reason: r.reason }));
  }

  /** Links both ways; true when the link is new. */
  async link(em: EntityManager, a: string, b: string, reason: string): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO partner_duplicates (organization_id, other_id, reason) VALUES ($1, $2, $3), ($2, $1, $3)
       ON CONFLICT DO NOTHING RETURNING organization_id`,
      [a, b, reason],
    )) as unknown[];
    return rows.length > 0;
  }

  async duplicates(
    em: EntityManager,
    organizationId: string,
  ): Promise<{ otherId: string; reason: string; createdAt: Date }[]> {
    const rows = (await em.query(
      `SELECT other_id, reason, created_at FROM partner_duplicates WHERE organization_id = $1 ORDER BY created_at`,
      [organizationId],
    )) as { other_id: string; reason: string; created_at: Date }[];
    return rows.map((r) => ({ otherId: r.other_id, reason: r.reason, createdAt: r.created_at }));
  }

  async insertDocument(
    em: EntityManager,
    d: Omit<DocumentRecord, 'id' | 'createdAt'> & { content: Buffer; uploadedBy: string | null },
  ): Promise<DocumentRecord> {
    const [row] = (await em.query(
      `INSERT INTO partner_documents (organization_id, type, filename, mime, size, sha256, content, issued_on,
         expires_on, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${DOCUMENT_COLUMNS}`,
      [
        d.organizationId,
        d.type,
        d.filename,
        d.mime,
        d.size,
        d.sha256,
        d.content,
        d.issuedOn,
        d.expiresOn,
        d.uploadedBy,
      ],
    )) as DocumentRow[];
    return toDocument(row);
  }

  async documents(em: EntityManager, organizationId: string): Promise<DocumentRecord[]> {
    const rows = (await em.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM partner_documents WHERE organization_id = $1 ORDER BY type, issued_on DESC, id`,
      [organizationId],
    )) as DocumentRow[];
    return rows.map(toDocument);
  }

  async documentContent(
    em: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<(DocumentRecord & { content: Buffer }) | null> {
    const [row] = (await em.query(
      `SELECT ${DOCUMENT_COLUMNS}, content FROM partner_documents WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    )) as (DocumentRow & { content: Buffer })[];
    return row ? { ...toDocument(row), content: row.content } : null;
  }

  /** Documents expiring within `days` of `today` not yet reminded of, oldest expiry first. */
  async expiringUnreminded(em: EntityManager, today: string, days: number): Promise<DocumentRecord[]> {
    const rows = (await em.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM partner_documents
        WHERE expires_on IS NOT NULL AND reminded_at IS NULL AND expires_on <= $1::date + $2::int
        ORDER BY expires_on, id LIMIT 500`,
      [today, days],
    )) as DocumentRow[];
    return rows.map(toDocument);
  }

  async markReminded(em: EntityManager, id: string): Promise<boolean> {
    const [row] = (await em.query(
      `WITH c AS (UPDATE partner_documents SET reminded_at = now() WHERE id = $1 AND reminded_at IS NULL RETURNING id)
       SELECT count(*)::int AS n FROM c`,
      [id],
    )) as { n: number }[];
    return row.n > 0;
  }
}
