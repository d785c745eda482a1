import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGREEMENT_LABELS, agreementPdf } from '@app/grants';
import type { AgreementData } from '@app/grants';
import { Api, staffTokens, startApi } from '../setup/harness';
import { binary } from '../setup/pdf-text';
import { bearer } from '../factories/grant-cycle';
import { noisyPng, pngImage } from '../factories/images';
import { approve, fullWorkflowFund, member } from '../factories/post-award';

/**
 * Issue 22's rest: the grant agreement on the document kit, and the fund's logo on every letterhead. The
 * agreement in English, French, Arabic and Chinese read back with poppler (the amount, the schedules'
 * rows, the clause numbers, Arabic shaped and in order), tagged with its title and language, a schedule
 * row's figures on one baseline, the same bytes from the same data; the signed copy names who signed,
 * when, from where and the hash. The logo: checked by its bytes and size (a bad one changes nothing),
 * audited, and drawn on receipts (`pdfimages -list`). SHOTS_DIR: page 1 of each agreement as a PNG.
 */
const LANGS = ['en', 'fr', 'ar', 'zh'] as const;
type Lang = (typeof LANGS)[number];

const dir = mkdtempSync(join(tmpdir(), 'agreement-'));
let files = 0;
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdfimages', pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `${++files}.pdf`);
  writeFileSync(file, pdf);
  const out = tool === 'pdftotext' ? [file, '-'] : [file];
  return execFileSync(tool, [...args, ...out]).toString('utf8');
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** poppler gives the lam-alef ligature's two letters back in the other order: compare each word's letters. */
const arabicWords = (text: string) =>
  (text.match(/[\u0600-\u06ff]+/g) ?? []).map((w) => [...w].sort().join(''));

function words(pdf: Buffer, page = 1) {
  const html = poppler('pdftotext', pdf, '-bbox', '-f', String(page), '-l', String(page));
  return [...html.matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
    (m) => ({ x0: +m[1], x1: +m[2], y1: +m[3], text: m[4] }),
  );
}

function shoot(pdf: Buffer, name: string) {
  const shots = process.env.SHOTS_DIR;
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(shots, name),
  ]);
}

describe("the grant agreement on the document kit, and the fund's logo (issue 22)", () => {
  let api: Api;
  let admin: string;
  let fm: string;
  let finance: string;
  let fundId: string;
  let grants: Record<Lang, string>;
  let signatories: Record<Lang, { id: string; token: string }>;
  const LOGO = pngImage(120, 120);

  const put = (token: string, bytes: Buffer, name: string) =>
    api.http().put(`/api/funds/${fundId}/logo`).set(bearer(token)).attach('file', bytes, name);
  const getFile = (path: string, token: string) =>
    api.http().get(path).set(bearer(token)).buffer(true).parse(binary);
  const storedLogo = async () =>
    (await api.db.query(`SELECT sha256 FROM fund_logos WHERE fund_id = $1`, [fundId]))[0]?.sha256 ?? null;

  beforeAll(async () => {
    api = await startApi();
    [admin, fm, finance] = await staffTokens(api);
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 100_000_000, count: 4, requested: 1_000_000, lines: [600_000, 400_000] },
    );
    fundId = fund.id;
    grants = {} as Record<Lang, string>;
    signatories = {} as Record<Lang, { id: string; token: string }>;
    for (const [i, lang] of LANGS.entries()) {
      grants[lang] = await approve(api, fm, applicationIds[i], {
        amount: 1_000_000,
        tranches: [
          { percent: 60, condition: 'on_signature' },
          { percent: 40, condition: 'after_report' },
        ],
      });
      signatories[lang] = await member(api, organizationIds[i]);
    }
  }, 180_000);
  afterAll(() => api.close());

  it('refuses a bad logo with a problem and changes nothing; a good one is stored, audited and read back', async () => {
    const pdfAsPng = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(3000, 0x20),
      Buffer.from('%%EOF\n'),
    ]);
    const bad = await put(fm, pdfAsPng, 'logo.png');
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ type: '/problems/unsupported-logo', code: 'FUNDS.UNSUPPORTED_LOGO' });
    const big = noisyPng(450, 450);
    expect(big.length).toBeGreaterThan(512 * 1024);
    const tooBig = await put(fm, big, 'logo.png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    const tiny = await put(fm, pngImage(16, 16), 'logo.png');
    expect(tiny.status).toBe(422);
    expect(tiny.body.detail).toMatch(/at least 32/);
    const strip = await put(fm, pngImage(900, 100), 'logo.png');
    expect(strip.status).toBe(422);
    expect((await put(finance, LOGO, 'logo.png')).status).toBe(403);
    expect((await put(signatories.en.token, LOGO, 'logo.png')).status).toBe(403);
    const noFile = await api.http().put(`/api/funds/${fundId}/logo`).set(bearer(fm)).send({});
    expect(noFile.status).toBe(400);
    expect(await storedLogo()).toBeNull();
    expect((await getFile(`/api/funds/${fundId}/logo`, finance)).status).toBe(404);
    // the fund says whether it has a logo, so that the portal asks for one only when there is one
    const hasLogo = async () =>
      (await api.http().get(`/api/funds/${fundId}`).set(bearer(finance))).body.hasLogo as unknown;
    await expect(hasLogo()).resolves.toBe(false);

    const ok = await put(fm, LOGO, 'emblem.png');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ fundId, mime: 'image/png', width: 120, height: 120, size: LOGO.length });
    expect(ok.body.sha256).toBe(sha(LOGO));
    const back = await getFile(`/api/funds/${fundId}/logo`, finance);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.body, LOGO)).toBe(0);
    await expect(hasLogo()).resolves.toBe(true);
    const listed = await api.http().get('/api/funds').set(bearer(finance));
    expect(listed.body.items.find((f: { id: string }) => f.id === fundId)).toMatchObject({ hasLogo: true });
    const audit = await api.db.query(
      `SELECT action FROM audit_log WHERE entity = 'fund' AND entity_id = $1 AND action LIKE 'fund.logo%'`,
      [fundId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['fund.logo-uploaded']);
    // a bad replacement leaves the good logo in place
    expect((await put(fm, pdfAsPng, 'logo.jpg')).status).toBe(422);
    expect(await storedLogo()).toBe(sha(LOGO));
  });

  it("prints the logo on the fund's receipts and balance statement", async () => {
    const [c] = await api.db.query(`SELECT id FROM contributions WHERE fund_id = $1 LIMIT 1`, [fundId]);
    const receipt = await getFile(`/api/contributions/${c.id}/receipt?lang=en`, finance);
    expect(receipt.status).toBe(200);
    const images = poppler('pdfimages', receipt.body, '-list').trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\s120\s+120\s/);
    const statement = await getFile(`/api/funds/${fundId}/statement?format=pdf&lang=fr`, finance);
    expect(statement.status).toBe(200);
    expect(poppler('pdfimages', statement.body, '-list').trim().split('\n').slice(2)).toHaveLength(1);
  });

  const TITLE: Record<Lang, string> = {
    en: 'Grant agreement',
    fr: 'Accord de subvention / Grant agreement',
    ar: 'Grant agreement',
    zh: '赠款协议 / Grant agreement',
  };

  /** The award, tranche 1 (60%), tranche 2 (40%) and the PSC (7%) as each language writes them. */
  const FIGURES: Record<Lang, string[]> = {
    en: ['10,000.00 USD', '6,000.00 USD', '4,000.00 USD', '700.00 USD'],
    fr: ['10 000,00 USD', '6 000,00 USD', '4 000,00 USD', '700,00 USD'],
    // ICU's Arabic (CLDR's default for ar) writes Western digits with these separators
    ar: ['10,000.00 USD', '6,000.00 USD', '4,000.00 USD', '700.00 USD'],
    zh: ['10,000.00 USD', '6,000.00 USD', '4,000.00 USD', '700.00 USD'],
  };

  it.each(LANGS)(
    'renders the agreement in %s: clauses, schedules as tables, tagged, the same bytes from the same data',
    async (lang) => {
      const g = grants[lang];
      const s = signatories[lang];
      const accepted = await api
        .http()
        .post(`/api/grants/${g}/accept`)
        .set(bearer(s.token))
        .send({ language: lang, signatoryId: s.id });
      expect(accepted.status).toBe(200);
      const v = accepted.body.agreement.current;
      const res = await getFile(`/api/grants/${g}/agreement`, s.token);
      expect(res.status).toBe(200);
      const pdf = res.body as Buffer;
      expect(sha(pdf)).toBe(v.sha256);

      const info = poppler('pdfinfo', pdf);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(new RegExp(`Title:\\s+Grant agreement ${g} v1`));
      expect(info).toMatch(/Author:\s+\S/);
      const raw = pdf.toString('latin1');
      expect(raw).toContain(`/Lang (${lang})`);
      expect(raw).toMatch(/\/S \/Table/);
      expect(raw).toMatch(/\/S \/H1/);
      expect(poppler('pdfimages', pdf, '-list').trim().split('\n').slice(2)).toHaveLength(1);

      const text = poppler('pdftotext', pdf);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(TITLE[lang]);
      // amounts with thousands separators in the form of the agreement's language (whitespace flattened:
      // French groups with a narrow no-break space); the English sentence under another language's in English
      for (const figure of FIGURES[lang]) expect(flat).toContain(figure);
      if (lang !== 'en') expect(flat).toContain('10,000.00 USD');
      expect(flat).not.toMatch(/10000[.,]00/);
      for (let n = 1; n <= 7; n++) expect(text).toMatch(new RegExp(`(^|\\s)${n}\\.\\s|\\.${n}(\\s|$)`, 'm'));
      const pa = (await api.http().get(`/api/grants/${g}/post-award`).set(bearer(s.token))).body;
      for (const r of pa.reportSchedule as { dueOn: string }[]) expect(flat).toContain(r.dueOn);
      const own = AGREEMENT_LABELS[lang];
      if (lang === 'ar') {
        const got = arabicWords(text);
        for (const w of arabicWords(`${own.title} ${own.tranches} ${own.schedule} ${own.specialConditions}`))
          expect(got).toContain(w);
      } else {
        expect(flat).toContain(own.tranches);
        expect(flat).toContain(own.schedule);
      }

      // the tranche table's first row: number, amount, condition on one baseline (poppler may cut a figure
      // at its narrow no-break space: then its parts stand side by side)
      const ws = words(pdf, 1).concat(words(pdf, 2));
      const parts = FIGURES[lang][1].replace(' USD', '').split(' ');
      const at = ws.findIndex(
        (w, i) =>
          w.text.replace(/\s/g, ' ') === parts.join(' ') || parts.every((p, k) => ws[i + k]?.text === p),
      );
      expect(at).toBeGreaterThanOrEqual(0);
      const row = ws.filter((w) => Math.abs(w.y1 - ws[at].y1) < 0.01);
      expect(
        row
          .map((w) => w.text)
          .join(' ')
          .replace(/\s+/g, ' '),
      ).toContain(`${parts.join(' ')} USD`);
      expect(row.map((w) => w.text)).toContain('1');
      expect(row.length).toBeGreaterThanOrEqual(5);

      // the same data gives the same bytes: the stored data renders the stored version again
      const [stored] = await api.db.query(
        `SELECT data FROM grant_agreements WHERE grant_id = $1 AND version = 1`,
        [g],
      );
      const data = {
        ...stored.data,
        generatedAt: new Date(stored.data.generatedAt),
        logo: LOGO,
      } as AgreementData;
      expect(sha(await agreementPdf(data))).toBe(v.sha256);
      const later = await agreementPdf({
        ...data,
        generatedAt: new Date(data.generatedAt.getTime() + 60_000),
      });
      expect(sha(later)).not.toBe(v.sha256);
      // ... and a later generation differs only by its time
      const untimed = (b: Buffer) =>
        poppler('pdftotext', b).replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time>');
      expect(untimed(later)).toBe(untimed(pdf));
      shoot(pdf, `agreement-${lang}`);
    },
  );

  it('prints the signatures recorded on a version on its signed copy; the version itself is unchanged', async () => {
    const g = grants.fr;
    const s = signatories.fr;
    const v = (await api.http().get(`/api/grants/${g}/post-award`).set(bearer(s.token))).body.agreement
      .current;
    const unsigned = await getFile(`/api/grants/${g}/agreement?copy=signed`, s.token);
    expect(poppler('pdftotext', unsigned.body)).toContain('Pas encore signé / Not signed yet');
    const signed = await api
      .http()
      .post(`/api/grants/${g}/agreement/sign`)
      .set(bearer(s.token))
      .set('x-forwarded-for', '203.0.113.7')
      .send({ version: v.version, sha256: v.sha256 });
    expect(signed.status).toBe(200);
    expect((await api.http().post(`/api/grants/${g}/sign`).set(bearer(fm)).send()).status).toBe(200);
    const copy = await getFile(`/api/grants/${g}/agreement?copy=signed`, s.token);
    expect(copy.status).toBe(200);
    const text = poppler('pdftotext', copy.body);
    expect(text).toContain('Copie signée');
    expect(text.match(/Signé le \d{4}-\d\d-\d\d \d\d:\d\d UTC/g)).toHaveLength(2);
    expect(text).toContain(v.sha256.slice(0, 32));
    expect(text).toContain(v.sha256.slice(32));
    expect(text).toMatch(/Depuis \S+/);
    const [name] = await api.db.query(`SELECT name FROM users WHERE id = $1`, [s.id]);
    expect(text).toContain(name.name);
    const version = await getFile(`/api/grants/${g}/agreement`, s.token);
    expect(sha(version.body)).toBe(v.sha256);
    expect((await getFile(`/api/grants/${g}/agreement?copy=all`, s.token)).status).toBe(400);
    shoot(copy.body, 'agreement-signed-fr');
  });
});
