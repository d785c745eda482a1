import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type HitStatus = 'open' | 'cleared' | 'confirmed';

export interface Hit {
  id: string;
  organizationId: string;
  listId: string;
  dataId: string;
  entryName: string;
  subject: string;
  score: number;
  status: HitStatus;
  reason: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  createdAt: Date;
}

interface HitRow {
  id: string;
  organization_id: string;
  list_id: string;
  data_id: string;
  entry_name: string;
  subject: string;
  score: string;
  status: HitStatus;
  reason: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Date;
}

const HIT_COLUMNS = `id, organization_id, list_id, data_id, entry_name, subject, score, status, reason, resolved_at,
  resolved_by, created_at`;

function toHit(r: HitRow): Hit {
  return {
    id: r.id,
    organizationId: r.organization_id,
    listId: r.list_id,
    dataId: r.data_id,
    entryName: r.entry_name,
    subject: r.subject,
    score: Number(r.score),
    status: r.status,
    reason: r.reason,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    createdAt: r.created_at,
  };
}

export interface ListVersion {
  id: string;
  source: 'upload' | 'url';
  dateGenerated: Date | null;
  sha256: string;
  entries: number;
  names: number;
  importedAt: Date;
}

interface ListRow {
  id: string;
  source: 'upload' | 'url';
  date_generated: Date | null;
  sha256: string;
  entries: number;
  names: number;
  imported_at: Date;
}

const LIST_COLUMNS = `id, source, date_generated, sha256, entries, names, imported_at`;

const toList = (r: ListRow): ListVersion => ({
  id: r.id,
  source: r.source,
  dateGenerated: r.date_generated,
  sha256: r.sha256,
  entries: r.entries,
  names: r.names,
  importedAt: r.imported_at,
});

export interface EntryName {
  dataId: string;
  kind: 'individual' | 'entity';
  name: string;
  aliasQuality: string | null;
  normalized: string;
  referenceNumber: string | null;
  listType: string | null;
  listedOn: string | null;
}

export interface Match {
  dataId: string;
  name: string;
  score: number;
}

/** The sanctions lists' versions and names, and screening hits (ADR 0008: the only SQL on them). */
@Injectable()
export class SanctionsRepository {
  async createList(em: EntityManager, source: 'upload' | 'url', by: string | null): Promise<string> {
    const [row] = (await em.query(
      `INSERT INTO sanctions_lists (source, sha256, imported_by) VALUES ($1, repeat('0', 64), $2) RETURNING id`,
      [source, by],
    )) as { id: string }[];
    return row.id;
  }

  async insertNames(em: EntityManager, listId: string, names: readonly EntryName[]): Promise<void> {
    if (!names.length) return;
    await em.query(
      `INSERT INTO sanctions_entries (list_id, data_id, kind, name, alias_quality, normalized, reference_number,
         list_type, listed_on)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::date[])`,
      [
        listId,
        names.map((n) => n.dataId),
        names.map((n) => n.kind),
        names.map((n) => n.name),
        names.map((n) => n.aliasQuality),
        names.map((n) => n.normalized),
        names.map((n) => n.referenceNumber),
        names.map((n) => n.listType),
        names.map((n) => n.listedOn),
      ],
    );
  }

  async finishList(
    em: EntityManager,
    listId: string,
    f: { dateGenerated: string | null; sha256: string; entries: number; names: number },
  ): Promise<ListVersion> {
    await em.query(
      `UPDATE sanctions_lists SET date_generated = $2, sha256 = $3, entries = $4, names = $5 WHERE id = $1`,
      [listId, f.dateGenerated, f.sha256, f.entries, f.names],
    );
    const [row] = (await em.query(`SELECT ${LIST_COLUMNS} FROM sanctions_lists WHERE id = $1`, [
      listId,
    ])) as ListRow[];
    return toList(row);
  }

  async latest(em: EntityManager): Promise<ListVersion | null> {
    const [row] = (await em.query(
      `SELECT ${LIST_COLUMNS} FROM sanctions_lists WHERE names > 0 ORDER BY imported_at DESC, id LIMIT 1`,
    )) as ListRow[];
    return row ? toList(row) : null;
  }

  async lists(em: EntityManager): Promise<ListVersion[]> {
    const rows = (await em.query(
      `SELECT ${LIST_COLUMNS} FROM sanctions_lists ORDER BY imported_at DESC, id LIMIT 100`,
    )) as ListRow[];
    return rows.map(toList);
  }

  /**
   * The list's names whose pg_trgm similarity to the normalized name is at least `threshold`; the `%`
   * operator (at the session's lower pg_trgm.similarity_threshold) lets the trigram index find candidates.
   */
  async matches(em: EntityManager, listId: string, normalized: string, threshold: number): Promise<Match[]> {
    const rows = (await em.query(
      `SELECT data_id, name, round(similarity(normalized, $2)::numeric, 3)::text AS score
         FROM sanctions_entries
        WHERE list_id = $1 AND normalized % $2 AND similarity(normalized, $2) >= $3
        ORDER BY score DESC, data_id`,
      [listId, normalized, threshold],
    )) as { data_id: string; name: string; score: string }[];
    return rows.map((r) => ({ dataId: r.data_id, name: r.name, score: Number(r.score) }));
  }

  /** A hit unless this organization, list entry and name were seen before (whatever became of them). */
  async raise(
    em: EntityManager,
    h: {
      organizationId: string;
      listId: string;
      dataId: string;
      entryName: string;
      subject: string;
      subjectNormalized: string;
      score: number;
    },
  ): Promise<string | null> {
    const rows = (await em.query(
      `INSERT INTO screening_hits (organization_id, list_id, data_id, entry_name, subject, subject_normalized, score)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT screening_hits_pair_key DO NOTHING RETURNING id`,
      [h.organizationId, h.listId, h.dataId, h.entryName, h.subject, h.subjectNormalized, h.score],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async hits(em: EntityManager, organizationId: string): Promise<Hit[]> {
    const rows = (await em.query(
      `SELECT ${HIT_COLUMNS} FROM screening_hits WHERE organization_id = $1 ORDER BY created_at, id`,
      [organizationId],
    )) as HitRow[];
    return rows.map(toHit);
  }

  async lockHit(em: EntityManager, id: string): Promise<Hit | null> {
    const [row] = (await em.query(`SELECT ${HIT_COLUMNS} FROM screening_hits WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as HitRow[];
    return row ? toHit(row) : null;
  }

  async resolve(
    em: EntityManager,
    id: string,
    status: 'cleared' | 'confirmed',
    reason: string,
    by: string | null,
  ): Promise<void> {
    await em.query(
      `UPDATE screening_hits SET status = $2, reason = $3, resolved_at = now(), resolved_by = $4 WHERE id = $1`,
      [id, status, reason, by],
    );
  }

  /** Open and confirmed hits of an organization. */
  async blocking(em: EntityManager, organizationId: string): Promise<{ open: number; confirmed: number }> {
    const [row] = (await em.query(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed
         FROM screening_hits WHERE organization_id = $1`,
      [organizationId],
    )) as { open: number; confirmed: number }[];
    return row;
  }

  /** Open and confirmed hits of several organizations (those without any are left out). */
  async blockingOfMany(
    em: EntityManager,
    organizationIds: readonly string[],
  ): Promise<Map<string, { open: number; confirmed: number }>> {
    const rows = (await em.query(
      `SELECT organization_id,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed
         FROM screening_hits WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`,
      [organizationIds],
    )) as { organization_id: string; open: number; confirmed: number }[];
    return new Map(rows.map((r) => [r.organization_id, { open: r.open, confirmed: r.confirmed }]));
  }
}
