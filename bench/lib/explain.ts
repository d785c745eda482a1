import { DataSource, EntityManager } from 'typeorm';

/** A statement a read ran, as sent to the database. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * An EntityManager stand-in that runs each query on `ds` and remembers it, so a benchmark can
 * `EXPLAIN` exactly what a repository or service sent (its own SQL, its own parameters).
 */
export function recordingManager(ds: DataSource, into: Statement[]): EntityManager {
  return {
    query: (sql: string, params: unknown[] = []) => {
      into.push({ sql, params });
      return ds.manager.query(sql, params);
    },
  } as unknown as EntityManager;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface PlanCheck {
  /** Every scan of a big table: "Index Only Scan ledger_entries_asof_idx (fund_id = $1 ...)". */
  scans: string[];
  /** What breaks the rule; empty when the plan reads only the fund's own rows. */
  problems: string[];
  /** Shared buffers hit + read by the whole statement. */
  buffers: number;
  ms: number;
}

/** The tables that grow with the history: a read of one fund must never scan them whole. */
export const BIG_TABLES = new Set([
  'ledger_entries',
  'ledger_postings',
  'ledger_month_sums',
  'contributions',
  'fund_costs',
  'pledges',
  'grants',
  'applications',
  'calls',
]);

/**
 * Runs `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` of a statement and checks its plan: no sequential scan of
 * a big table, and every scan of one is an index scan whose condition names `fund_id` (the fund's own
 * range), or a lookup by a key (`id`, `posting_id`, `pledge_id`) driven by rows already limited to the fund.
 */
export async function checkPlan(ds: DataSource, s: Statement): Promise<PlanCheck> {
  const [row]: { 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }[] = await ds.query(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`,
    s.params,
  );
  const [{ Plan: plan, 'Execution Time': ms }] = row['QUERY PLAN'];
  const scans: string[] = [];
  const problems: string[] = [];
  const walk = (n: PlanNode) => {
    const rel = n['Relation Name'];
    if (rel && BIG_TABLES.has(rel)) {
      const cond =
        n['Index Cond'] ??
        n.Plans?.find((c) => c['Node Type'] === 'Bitmap Index Scan')?.['Index Cond'] ??
        n['Recheck Cond'] ??
        '';
      scans.push(
        `${n['Node Type']} on ${rel}${n['Index Name'] ? ` using ${n['Index Name']}` : ''} (${cond})`,
      );
      if (n['Node Type'] === 'Seq Scan') problems.push(`Seq Scan on ${rel}`);
      else if (
        !/\bfund_id\b/.test(cond) &&
        !/\b(id|posting_id|pledge_id|call_id|application_id)\s*=/.test(cond)
      )
        problems.push(`${n['Node Type']} on ${rel} without a fund_id or key condition (${cond || 'none'})`);
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan);
  const buffers = (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
  return { scans, problems, buffers, ms };
}
