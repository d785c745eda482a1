/**
 * The baseline for GET /api/calls?status=open: fastify and one `pg` pool running the same query as the API
 * (an anonymous caller: public statuses, the status filter, newest first, a page of 50 + 1), answering the
 * same JSON shape. No framework, no guards, no validation, no logging.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
const PUBLIC = ['published', 'open', 'closed', 'under_review', 'decided'];

interface Row {
  id: string;
  fund_id: string;
  title: string;
  description: string | null;
  themes: string[];
  eligible_countries: string[];
  min_award: string | null;
  max_award: string | null;
  envelope: string | null;
  currency: string;
  deadline: Date | null;
  rubric: unknown;
  blind: boolean;
  status: string;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

app.get('/api/health', async () => ({ status: 'ok' }));
app.get<{ Querystring: { status?: string } }>('/api/calls', async (req) => {
  const { rows } = await pool.query<Row>(
    `SELECT * FROM calls c WHERE c.status = ANY($1) AND ($2::text IS NULL OR c.status = $2)
     ORDER BY c.created_at DESC, c.id DESC LIMIT 51`,
    [PUBLIC, req.query.status ?? null],
  );
  const items = rows.slice(0, 50).map((c) => ({
    id: c.id,
    fundId: c.fund_id,
    title: c.title,
    description: c.description,
    themes: c.themes,
    eligibleCountries: c.eligible_countries,
    minAward: num(c.min_award),
    maxAward: num(c.max_award),
    envelope: num(c.envelope),
    currency: c.currency,
    deadline: c.deadline,
    rubric: c.rubric,
    blind: c.blind,
    status: c.status,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    publishedAt: c.published_at,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
  }));
  return { items, nextCursor: rows.length > 50 ? 'more' : null };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
