import { DataSource } from 'typeorm';

/**
 * Years of history for the history benchmark, written in bulk by SQL (INSERT ... SELECT over
 * generate_series, one statement per batch of funds: on this machine faster than a COPY streamed from
 * node, which would only move the same generated rows through a socket).
 *
 * Per fund: ten pledges, one call, 20 applications and 20 grants (grants rows only: their commitments are not posted to
 * the ledger), and `postingsPerFund` balanced postings spread over 2010-2019 (every tenth a fund-level cost
 * with its fund_costs row, the rest contributions from 100 shared donors, each with its contributions row
 * and gapless receipt numbers per year), two entries each.
 *
 * The batches load with `session_replication_role = replica`, which switches off every trigger: the
 * deferred "posting balances" check, the month-sums trigger and the foreign-key checks (at 10 million
 * entries they would cost most of the load). What they guarantee is then checked for each batch in the same
 * transaction, which rolls back on any failure: every posting of the batch balances with two or more
 * entries, every entry's posting and (fund, account) exist, every contribution and cost has its posting,
 * and the month sums, account balances and available row are computed from the entries as the triggers
 * and the ledger would have kept them.
 */
export const HISTORY_START = Date.UTC(2010, 0, 1);
export const HISTORY_SPAN = Date.UTC(2020, 0, 1) - HISTORY_START;
const ACCOUNTS = `ARRAY['cash','contributions','returns','costs','grants','psc','commitments','psc_reserved','psc_charged']`;

export async function sharedRows(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO donors (name, type)
     SELECT 'History donor ' || d, CASE WHEN d % 2 = 0 THEN 'member_state' ELSE 'private' END
     FROM generate_series(1, 100) d`,
  );
  await ds.query(
    `INSERT INTO organizations (name, country, registration_number)
     SELECT 'History NGO ' || o, 'NG', 'HIST-' || o FROM generate_series(1, 20) o`,
  );
}

/** Adds funds number `from`..`to` (1-based) with their history; returns the seconds it took. */
export async function loadFunds(
  ds: DataSource,
  from: number,
  to: number,
  postingsPerFund: number,
  { batch = 10, verifyEachBatch = true } = {},
): Promise<number> {
  const began = Date.now();
  for (let lo = from; lo <= to; lo += batch) {
    const hi = Math.min(to, lo + batch - 1);
    await ds.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      const funds: { id: string }[] = await em.query(
        `INSERT INTO funds (code, name, currency, new_call_target, psc_rate_bps)
         SELECT 'HIST-' || lpad(n::text, 5, '0'), 'History fund ' || n, 'USD', 50000000, 1300
         FROM generate_series($1::int, $2::int) n ORDER BY n RETURNING id`,
        [lo, hi],
      );
      const ids = funds.map((f) => f.id);
      await em.query(
        `INSERT INTO ledger_balances (fund_id, account) SELECT f, unnest(${ACCOUNTS}) FROM unnest($1::uuid[]) f`,
        [ids],
      );
      await em.query(`INSERT INTO fund_balances (fund_id) SELECT unnest($1::uuid[])`, [ids]);
      await grantRows(em, ids);
      await em.query(
        `INSERT INTO pledges (donor_id, fund_id, amount, currency, usd_amount, expected_at, created_at)
         SELECT d.id, f, 1000000, 'USD', 1000000, date '2019-12-31', timestamptz '2012-01-01' + d.n * interval '30 days'
         FROM unnest($1::uuid[]) f
         CROSS JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM donors WHERE name LIKE 'History donor %') d
         WHERE d.n <= 10`,
        [ids],
      );
      // One statement per batch: the postings' sources, the postings and their two entries each.
      await em.query(
        `WITH src AS MATERIALIZED (
           SELECT f.id AS fund_id, f.code, g, gen_random_uuid() AS source_id, gen_random_uuid() AS posting_id,
                  (g % 10 = 0) AS is_cost,
                  CASE WHEN g % 10 = 0 THEN 50000 + (g % 97) * 100 ELSE 100000 + (g % 1000) * 1000 END::bigint AS amount,
                  to_timestamp(($2::float8 + (g::float8 / ($3 + 1)) * $4) / 1000) AS at
           FROM (SELECT id, code FROM funds WHERE id = ANY($1::uuid[])) f CROSS JOIN generate_series(1, $3::int) g),
         c AS (
           INSERT INTO contributions (id, donor_id, fund_id, amount, currency, usd_amount, received_at,
                                      receipt_year, receipt_seq, receipt_number, created_at)
           SELECT source_id, (SELECT array_agg(id ORDER BY name) FROM donors WHERE name LIKE 'History donor %')[1 + g % 100],
                  fund_id, amount, 'USD', amount, at, extract(year FROM at AT TIME ZONE 'UTC')::int,
                  row_number() OVER (PARTITION BY fund_id, extract(year FROM at AT TIME ZONE 'UTC') ORDER BY g),
                  code || '-' || g, at
           FROM src WHERE NOT is_cost),
         k AS (
           INSERT INTO fund_costs (id, fund_id, amount, description, incurred_at, created_at)
           SELECT source_id, fund_id, amount, 'History cost ' || g, at, at FROM src WHERE is_cost),
         p AS (
           INSERT INTO ledger_postings (id, fund_id, kind, source_type, source_id, description, effective_at, created_at)
           SELECT posting_id, fund_id, CASE WHEN is_cost THEN 'cost' ELSE 'contribution' END,
                  CASE WHEN is_cost THEN 'fund_cost' ELSE 'contribution' END, source_id::text, '', at, at
           FROM src),
         lines AS MATERIALIZED (
           SELECT posting_id, fund_id, x.account, x.amount, at
           FROM src CROSS JOIN LATERAL (VALUES
             (CASE WHEN is_cost THEN 'costs' ELSE 'cash' END, amount),
             (CASE WHEN is_cost THEN 'cash' ELSE 'contributions' END, -amount)) x(account, amount)),
         m AS (
           INSERT INTO ledger_month_sums (fund_id, month, account, amount)
           SELECT fund_id, date_trunc('month', at AT TIME ZONE 'UTC')::date, account, sum(amount)
           FROM lines GROUP BY 1, 2, 3)
         INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at)
         SELECT posting_id, fund_id, account, amount, at FROM lines ORDER BY fund_id, at`,
        [ids, HISTORY_START, postingsPerFund, HISTORY_SPAN],
      );
      await derivedRows(em, ids);
      if (verifyEachBatch) await verifyFunds(em, ids, postingsPerFund);
    });
  }
  return (Date.now() - began) / 1000;
}

async function grantRows(em: DataSource['manager'], ids: string[]): Promise<void> {
  await em.query(
    `INSERT INTO calls (fund_id, title, currency) SELECT f, 'History call', 'USD' FROM unnest($1::uuid[]) f`,
    [ids],
  );
  await em.query(
    `INSERT INTO applications (call_id, fund_id, organization_id, title, summary, countries, services,
                               expected_victims, requested, currency, status, submitted_at, decided_at)
     SELECT c.id, c.fund_id, o.id, 'History project', 'History', ARRAY['NG'], ARRAY['shelter'], 50,
            2000000, 'USD', 'approved', now(), now()
     FROM calls c CROSS JOIN organizations o
     WHERE c.fund_id = ANY($1::uuid[]) AND o.name LIKE 'History NGO %'`,
    [ids],
  );
  await em.query(
    `INSERT INTO grants (application_id, call_id, fund_id, organization_id, title, countries, services, currency,
                         amount, psc_rate_bps, psc_amount, paid, approved_at)
     SELECT a.id, a.call_id, a.fund_id, a.organization_id, a.title, a.countries, a.services, 'USD',
            a.requested, 1300, 260000, a.requested / 2, now()
     FROM applications a WHERE a.fund_id = ANY($1::uuid[])`,
    [ids],
  );
}

/**
 * What the ledger keeps beside the entries: the account balances and the available row, from the month
 * sums (written with the entries, as the switched-off trigger would have; verifyFunds checks them).
 */
async function derivedRows(em: DataSource['manager'], ids: string[]): Promise<void> {
  await em.query(
    `UPDATE ledger_balances b SET balance = s.total
     FROM (SELECT fund_id, account, sum(amount) AS total FROM ledger_month_sums
           WHERE fund_id = ANY($1::uuid[]) GROUP BY 1, 2) s
     WHERE b.fund_id = s.fund_id AND b.account = s.account`,
    [ids],
  );
  await em.query(
    `UPDATE fund_balances fb SET available = -(SELECT coalesce(sum(balance), 0) FROM ledger_balances b
       WHERE b.fund_id = fb.fund_id AND account IN ('contributions','returns','grants','psc','costs'))
     WHERE fund_id = ANY($1::uuid[])`,
    [ids],
  );
}

/** The invariants the switched-off triggers would have enforced, for the batch's funds; throws if broken. */
export async function verifyFunds(
  em: DataSource['manager'],
  ids: string[],
  postingsPerFund: number,
): Promise<void> {
  const [r]: Record<string, number>[] = await em.query(
    `SELECT
       (SELECT count(*) FROM ledger_entries WHERE fund_id = ANY($1::uuid[]))::int AS entries,
       (SELECT count(*) FROM (SELECT posting_id FROM ledger_entries WHERE fund_id = ANY($1::uuid[])
          GROUP BY posting_id HAVING sum(amount) <> 0 OR count(*) < 2) x)::int AS unbalanced,
       (SELECT count(*) FROM ledger_postings p WHERE p.fund_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.posting_id = p.id))::int AS postings_without_entries,
       (SELECT count(*) FROM ledger_entries e WHERE e.fund_id = ANY($1::uuid[]) AND NOT EXISTS
          (SELECT 1 FROM ledger_postings p WHERE p.id = e.posting_id AND p.fund_id = e.fund_id))::int AS orphan_entries,
       (SELECT count(*) FROM ledger_entries e WHERE e.fund_id = ANY($1::uuid[]) AND NOT EXISTS
          (SELECT 1 FROM ledger_balances b WHERE b.fund_id = e.fund_id AND b.account = e.account))::int AS bad_accounts,
       (SELECT count(*) FROM contributions c WHERE c.fund_id = ANY($1::uuid[]) AND NOT EXISTS
          (SELECT 1 FROM ledger_postings p WHERE p.source_type = 'contribution' AND p.source_id = c.id::text))::int
          AS unposted_contributions,
       (SELECT count(*) FROM contributions c WHERE c.fund_id = ANY($1::uuid[]) AND NOT EXISTS
          (SELECT 1 FROM donors d WHERE d.id = c.donor_id))::int AS orphan_contributions,
       (SELECT count(*) FROM fund_balances WHERE fund_id = ANY($1::uuid[]) AND available < 0)::int AS negative,
       (SELECT count(*) FROM (
          SELECT fund_id, date_trunc('month', effective_at AT TIME ZONE 'UTC')::date AS month, account, sum(amount) AS amount
          FROM ledger_entries WHERE fund_id = ANY($1::uuid[]) GROUP BY 1, 2, 3
          EXCEPT SELECT fund_id, month, account, amount FROM ledger_month_sums WHERE fund_id = ANY($1::uuid[])) x)::int
          AS month_sums_off`,
    [ids],
  );
  const expected = {
    entries: ids.length * postingsPerFund * 2,
    unbalanced: 0,
    postings_without_entries: 0,
    orphan_entries: 0,
    bad_accounts: 0,
    unposted_contributions: 0,
    orphan_contributions: 0,
    negative: 0,
    month_sums_off: 0,
  };
  if (JSON.stringify(r) !== JSON.stringify(expected)) {
    throw new Error(`the history fixture broke the ledger's invariants: ${JSON.stringify(r)}`);
  }
}

/** The big tables' plain indexes (not those behind a primary key or unique constraint). */
const BULK_TABLES = ['ledger_entries', 'ledger_postings', 'contributions', 'fund_costs', 'ledger_month_sums'];

/**
 * Drops the plain indexes and unique constraints of the big tables for a bulk load and returns a function
 * that makes them again exactly as the migrations did (pg_get_constraintdef, pg_get_indexdef: a duplicate
 * would fail there), then analyzes: building an index once over millions of rows is much cheaper than
 * keeping it up to date row by row. Primary keys stay in force throughout.
 */
export async function withoutPlainIndexes(ds: DataSource): Promise<() => Promise<number>> {
  const defs: { name: string; def: string }[] = await ds.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1) AND NOT i.indisprimary AND NOT i.indisunique
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [BULK_TABLES],
  );
  const uniques: { tbl: string; name: string; def: string }[] = await ds.query(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE contype = 'u' AND conrelid::regclass::text = ANY($1)`,
    [BULK_TABLES],
  );
  for (const d of defs) await ds.query(`DROP INDEX ${d.name}`);
  for (const u of uniques) await ds.query(`ALTER TABLE ${u.tbl} DROP CONSTRAINT ${u.name}`);
  return async () => {
    const began = Date.now();
    await ds.query(`SET maintenance_work_mem = '512MB'`);
    for (const u of uniques) await ds.query(`ALTER TABLE ${u.tbl} ADD CONSTRAINT ${u.name} ${u.def}`);
    for (const d of defs) await ds.query(d.def);
    await ds.query(`ANALYZE`);
    return (Date.now() - began) / 1000;
  };
}
