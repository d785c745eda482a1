import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money in: funds, the double-entry ledger (postings, entries, account balances, the fund's hot available
 * row), exchange rates, pledges, contributions with gapless receipt numbers, and fund-level costs.
 * See docs/adr/0003-ledger-accounts.md for the chart of accounts.
 */
export class Ledger1764288100000 implements MigrationInterface {
  name = 'Ledger1764288100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE funds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        new_call_target bigint NOT NULL CHECK (new_call_target >= 0),
        psc_rate_bps int NOT NULL CHECK (psc_rate_bps BETWEEN 0 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT funds_code_key UNIQUE (code)
      )`);

    // The chart of accounts, per fund. Entries carry signed amounts: debit positive, credit negative.
    await q.query(`
      CREATE TABLE ledger_balances (
        fund_id uuid NOT NULL REFERENCES funds(id),
        account text NOT NULL CHECK (account IN
          ('cash','contributions','returns','costs','grants','psc','commitments','psc_reserved','psc_charged')),
        balance bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (fund_id, account)
      )`);
    // The fund's hot row: available for new grants, never negative (the database itself refuses).
    await q.query(`
      CREATE TABLE fund_balances (
        fund_id uuid PRIMARY KEY REFERENCES funds(id),
        available bigint NOT NULL DEFAULT 0 CONSTRAINT fund_balances_available_not_negative CHECK (available >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE ledger_postings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        kind text NOT NULL,
        source_type text NOT NULL,
        source_id text NOT NULL,
        description text NOT NULL DEFAULT '',
        effective_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid,
        CONSTRAINT ledger_postings_source_key UNIQUE (source_type, source_id)
      )`);
    await q.query(`CREATE INDEX ledger_postings_fund_idx ON ledger_postings (fund_id, effective_at)`);
    await q.query(`
      CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        posting_id uuid NOT NULL REFERENCES ledger_postings(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        account text NOT NULL,
        amount bigint NOT NULL CHECK (amount <> 0),
        effective_at timestamptz NOT NULL,
        FOREIGN KEY (fund_id, account) REFERENCES ledger_balances(fund_id, account)
      )`);
    // Balances as of a date: one index range per fund, amounts read from the index alone.
    await q.query(
      `CREATE INDEX ledger_entries_asof_idx ON ledger_entries (fund_id, effective_at) INCLUDE (account, amount)`,
    );
    await q.query(`CREATE INDEX ledger_entries_posting_idx ON ledger_entries (posting_id)`);

    // Postings and entries are never updated or deleted: a correction is a reversing posting.
    for (const table of ['ledger_postings', 'ledger_entries']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
    // Every posting balances (debits = credits) and has at least two entries, checked at commit.
    await q.query(`
      CREATE FUNCTION ledger_posting_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total bigint; n int;
      BEGIN
        SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM ledger_entries WHERE posting_id = NEW.posting_id;
        IF total <> 0 OR n < 2 THEN
          RAISE EXCEPTION 'ledger posting % does not balance (sum %, % entries)', NEW.posting_id, total, n
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_posting_balances()`);

    await q.query(`
      CREATE TABLE exchange_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'USD'),
        rate numeric(24, 10) NOT NULL CHECK (rate > 0),
        effective_from date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT exchange_rates_currency_day_key UNIQUE (currency, effective_from)
      )`);

    await q.query(`
      CREATE TABLE pledges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        donor_id uuid NOT NULL REFERENCES donors(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        usd_amount bigint NOT NULL CHECK (usd_amount > 0),
        usd_rate numeric(24, 10),
        expected_at date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await q.query(`CREATE INDEX pledges_fund_idx ON pledges (fund_id)`);
    await q.query(`CREATE INDEX pledges_donor_idx ON pledges (donor_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE receipt_counters (
        fund_id uuid NOT NULL REFERENCES funds(id),
        year int NOT NULL,
        last_number int NOT NULL DEFAULT 0,
        PRIMARY KEY (fund_id, year)
      )`);
    await q.query(`
      CREATE TABLE contributions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        donor_id uuid NOT NULL REFERENCES donors(id),
        fund_id uuid NOT NULL REFERENCES funds(id),
        pledge_id uuid REFERENCES pledges(id),
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        usd_rate numeric(24, 10),
        usd_amount bigint NOT NULL CHECK (usd_amount > 0),
        received_at timestamptz NOT NULL,
        receipt_year int NOT NULL,
        receipt_seq int NOT NULL CHECK (receipt_seq > 0),
        receipt_number text NOT NULL,
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reversed')),
        reversed_at timestamptz,
        reversal_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT contributions_receipt_key UNIQUE (fund_id, receipt_year, receipt_seq),
        CONSTRAINT contributions_non_usd_has_rate CHECK (currency = 'USD' OR usd_rate IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX contributions_fund_idx ON contributions (fund_id, received_at)`);
    await q.query(`CREATE INDEX contributions_donor_idx ON contributions (donor_id, created_at DESC)`);
    await q.query(`CREATE INDEX contributions_created_idx ON contributions (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX contributions_pledge_idx ON contributions (pledge_id) WHERE pledge_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE fund_costs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fund_id uuid NOT NULL REFERENCES funds(id),
        amount bigint NOT NULL CHECK (amount > 0),
        description text NOT NULL,
        incurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await q.query(`CREATE INDEX fund_costs_fund_idx ON fund_costs (fund_id, incurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'fund_costs',
      'contributions',
      'receipt_counters',
      'pledges',
      'exchange_rates',
      'ledger_entries',
      'ledger_postings',
      'fund_balances',
      'ledger_balances',
      'funds',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION ledger_posting_balances()`);
  }
}
