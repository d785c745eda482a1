import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMinor } from '@app/core';
import { Api, startApi, unique } from '../setup/harness';
import { binary } from '../setup/pdf-text';
import { contribute, moneyActors, MoneyActors } from '../factories/money';

/**
 * Issue 22: the receipt, the balance statement and the donor statement of a demo-like fund, rendered in
 * English, French, Arabic and Chinese and read back with poppler (pdftotext, pdfinfo): the text in the
 * reader's language (Arabic included), the statement's figures of one row on one baseline and their
 * decimal points on one vertical, a tagged PDF with its title and language; the receipt's verification
 * code confirms a genuine receipt and refuses a forged one. With SHOTS_DIR set, page 1 of each document
 * is written there as a PNG (`npm run screenshots:documents`).
 */
const LANGS = ['en', 'fr', 'ar', 'zh'] as const;
type Lang = (typeof LANGS)[number];
const FUND_NAME =
  'UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children';

const dir = mkdtempSync(join(tmpdir(), 'documents-'));
let files = 0;
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `${++files}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])]).toString('utf8');
}

/** poppler gives the lam-alef ligature's two letters back in the other order: compare each word's letters. */
const arabicWords = (text: string) =>
  (text.match(/[\u0600-\u06ff]+/g) ?? []).map((w) => [...w].sort().join(''));

interface Word {
  x0: number;
  x1: number;
  y1: number;
  text: string;
}
function words(pdf: Buffer, page = 1): Word[] {
  const html = poppler('pdftotext', pdf, '-bbox', '-f', String(page), '-l', String(page));
  return [...html.matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
    (m) => ({ x0: +m[1], x1: +m[2], y1: +m[3], text: m[4] }),
  );
}

function expectDocument(pdf: Buffer, lang: Lang, title: RegExp) {
  const info = poppler('pdfinfo', pdf);
  expect(info).toMatch(/Tagged:\s+yes/);
  expect(info).toMatch(title);
  expect(info).toMatch(/Author:\s+\S/);
  expect(info).toMatch(/Subject:\s+\S/);
  const raw = pdf.toString('latin1');
  expect(raw).toContain(`/Lang (${lang})`);
  expect(raw).toContain('/StructTreeRoot');
  expect(raw).toMatch(/\/S \/Table/);
  expect(raw).toMatch(/\/S \/H1/);
  expect(raw).toContain('/DisplayDocTitle true');
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

describe('documents people keep (issue 22): receipts, statements, verification', () => {
  let api: Api;
  let actors: MoneyActors;
  let fundId: string;
  let donorId: string;
  const contributions: { id: string; receiptNumber: string; usdAmount: number }[] = [];

  const getFile = (path: string, headers: Record<string, string> = {}) => {
    const req = api.http().get(path).set('authorization', `Bearer ${actors.finance}`);
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.buffer(true).parse(binary);
  };

  beforeAll(async () => {
    api = await startApi();
    actors = await moneyActors(api);
    const code = unique('D')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-10)
      .toUpperCase();
    const fund = await api
      .http()
      .post('/api/funds')
      .set('authorization', `Bearer ${actors.admin}`)
      .send({ code, name: FUND_NAME, newCallTarget: 500_000_00 });
    expect(fund.status).toBe(201);
    fundId = fund.body.id;
    const donor = await api
      .http()
      .post('/api/donors')
      .set('authorization', `Bearer ${actors.finance}`)
      .send({ name: 'Việt Nam', type: 'member_state', country: 'VN' });
    expect(donor.status).toBe(201);
    donorId = donor.body.id;
    const bodies = [
      { amount: 12_345_678, currency: 'JPY', usdRate: '120.5', receivedAt: '2015-03-02T10:00:00Z' },
      { amount: 250_000_00, currency: 'USD', receivedAt: '2015-06-30T12:00:00Z' },
      { amount: 10_000_00, currency: 'USD', receivedAt: '2015-09-15T12:00:00Z' },
    ];
    for (const body of bodies) {
      const c = await contribute(api, actors.finance, { donorId, fundId, ...body });
      expect(c.status).toBe(201);
      contributions.push(c.body);
    }
    const reversed = await api
      .http()
      .post(`/api/contributions/${contributions[2].id}/reverse`)
      .set('authorization', `Bearer ${actors.finance}`)
      .set('idempotency-key', unique('rev'))
      .send({ reason: 'Recorded twice' });
    expect(reversed.status).toBe(201);
  }, 120_000);
  afterAll(() => api.close());

  const RECEIPT_WORDS: Record<Lang, string[]> = {
    en: ['Receipt', 'Donor', 'Date received', 'UN operational rate of exchange'],
    fr: ['Reçu / Receipt', 'Donateur / Donor', 'Taux de change opérationnel'],
    zh: ['收据 / Receipt', '捐助方 / Donor', '联合国业务汇率'],
    ar: ['Receipt', 'Donor'],
  };

  it.each(LANGS)(
    'renders the receipt in %s with English beside it, tagged, titled, with its code',
    async (lang) => {
      const [jpy] = contributions;
      const res = await getFile(`/api/contributions/${jpy.id}/receipt?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expectDocument(pdf, lang, new RegExp(`Title:\\s+Receipt ${jpy.receiptNumber}`));
      const text = poppler('pdftotext', pdf, '-layout');
      expect(text).toContain(jpy.receiptNumber);
      expect(text).toContain('Việt Nam');
      expect(text).toContain('12,345,678 JPY');
      expect(text).toContain('120.5 JPY');
      expect(text).toContain(formatMinor(jpy.usdAmount, 'USD'));
      expect(text).toContain(FUND_NAME.slice(0, 40));
      // labels are read in reading order, a wrapped table header joined again
      const flat = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
      for (const w of RECEIPT_WORDS[lang]) expect(flat).toContain(w);
      const country = new Intl.DisplayNames([lang], { type: 'region' }).of('VN')!;
      if (lang === 'ar') expect(arabicWords(text)).toEqual(expect.arrayContaining(arabicWords(country)));
      else expect(text).toContain(country);
      if (lang === 'ar')
        expect(arabicWords(text)).toEqual(
          expect.arrayContaining(
            arabicWords('إيصال الجهة المانحة تاريخ الاستلام سعر الصرف التشغيلي للأمم المتحدة'),
          ),
        );
      expect(text.replace(/\s+/g, '')).toMatch(/\/api\/public\/receipts\/verify\/[A-Z0-9-]+\.[A-Z2-7]{16}/);
      expect(text).not.toContain('VOID');
      shoot(pdf, `receipt-${lang}`);
    },
  );

  it("marks a reversed contribution's receipt VOID across the page, in the reader's language", async () => {
    const voided = contributions[2];
    for (const [lang, word] of [
      ['en', 'VOID'],
      ['fr', 'ANNULÉ'],
      ['zh', '作废'],
    ] as const) {
      const pdf = (await getFile(`/api/contributions/${voided.id}/receipt?lang=${lang}`)).body as Buffer;
      const text = poppler('pdftotext', pdf, '-layout');
      expect(text).toContain(word);
      expect(text).toContain('Recorded twice');
      if (lang === 'fr') shoot(pdf, 'receipt-void-fr');
    }
  });

  it('takes the language from Accept-Language when no lang is given, and English otherwise', async () => {
    const id = contributions[1].id;
    const fr = poppler(
      'pdftotext',
      (await getFile(`/api/contributions/${id}/receipt`, { 'accept-language': 'de, fr;q=0.9' }))
        .body as Buffer,
    ).replace(/\s+/g, ' ');
    expect(fr).toContain('Montant reçu');
    const en = poppler(
      'pdftotext',
      (await getFile(`/api/contributions/${id}/receipt`)).body as Buffer,
    ).replace(/\s+/g, ' ');
    expect(en).not.toContain('Montant reçu');
    expect(en).toContain('Amount received');
    const bad = await api
      .http()
      .get(`/api/contributions/${id}/receipt?lang=xx`)
      .set('authorization', `Bearer ${actors.finance}`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('verifies a genuine code without naming the donor, says void when reversed, refuses a forged one', async () => {
    const codeOf = async (id: string) => {
      const text = poppler('pdftotext', (await getFile(`/api/contributions/${id}/receipt`)).body as Buffer);
      return /\/api\/public\/receipts\/verify\/([A-Z0-9-]+\.[A-Z2-7]{16})/.exec(text.replace(/\s+/g, ''))![1];
    };
    const code = await codeOf(contributions[0].id);
    const ok = await api.http().get(`/api/public/receipts/verify/${code}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      receiptNumber: contributions[0].receiptNumber,
      receivedOn: '2015-03-02',
      amount: 12_345_678,
      currency: 'JPY',
      fundAmount: contributions[0].usdAmount,
      fundCurrency: 'USD',
      fundName: FUND_NAME,
      void: false,
      voidedOn: null,
    });
    expect(JSON.stringify(ok.body)).not.toMatch(/Vi[eệ]t|donor/i);
    const voided = await api.http().get(`/api/public/receipts/verify/${await codeOf(contributions[2].id)}`);
    expect(voided.body).toMatchObject({ void: true, receiptNumber: contributions[2].receiptNumber });
    expect(voided.body.voidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [number, mac] = code.split('.');
    const forgeries = [
      `${number}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, // one letter changed
      `${contributions[1].receiptNumber}.${mac}`, // another receipt's number with this MAC
      `${number.replace(/\d+$/, '9999')}.${mac}`,
      'not-a-code',
    ];
    for (const forged of forgeries) {
      const res = await api.http().get(`/api/public/receipts/verify/${encodeURIComponent(forged)}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('RECEIPT.NOT_FOUND');
    }
  });

  const STATEMENT_WORDS: Record<Lang, string[]> = {
    en: ['Balance statement', 'Opening', 'Movement', 'Closing', 'Available balance', 'Page 1 of'],
    fr: ['État des soldes', 'Ouverture', 'Mouvement', 'Clôture', 'Solde disponible', 'Page 1 sur'],
    zh: ['余额报表', '期初', '变动', '期末', '可用余额', '第 1 页'],
    ar: ['بيان الأرصدة', 'الافتتاحي', 'الحركة', 'الختامي', 'الرصيد المتاح', 'الصفحة'],
  };

  it.each(LANGS)(
    'renders the balance statement in %s as a table whose rows share a baseline',
    async (lang) => {
      const path = `/api/funds/${fundId}/statement?from=2015-04-01&to=2015-12-31`;
      const s = (await api.http().get(path).set('authorization', `Bearer ${actors.finance}`)).body;
      const res = await getFile(`${path}&format=pdf&lang=${lang}`);
      expect(res.status).toBe(200);
      const pdf = res.body as Buffer;
      expectDocument(pdf, lang, /Title:\s+Balance statement /);
      const text = poppler('pdftotext', pdf, '-layout');
      for (const w of STATEMENT_WORDS[lang]) {
        if (lang === 'ar') expect(arabicWords(text)).toEqual(expect.arrayContaining(arabicWords(w)));
        else expect(text).toContain(w);
      }
      expect(text).toContain(FUND_NAME.slice(0, 40));
      // the "received" row: opening, movement and closing on one baseline, in reading order
      const figure = (n: number) => formatMinor(n, 'USD').replace(' USD', '');
      const row = [s.opening.received, s.closing.received - s.opening.received, s.closing.received].map(
        figure,
      );
      expect(new Set(row).size).toBe(3);
      const page = words(pdf);
      const cells = row.map((f) => page.filter((w) => w.text === f));
      for (const c of cells) expect(c.length).toBeGreaterThan(0);
      const baseline = cells[2][0].y1;
      const onRow = cells.map((c) => c.find((w) => Math.abs(w.y1 - baseline) < 0.01));
      expect(onRow.every(Boolean)).toBe(true);
      const xs = onRow.map((w) => w!.x0);
      expect(xs).toEqual([...xs].sort((a, b) => (lang === 'ar' ? b - a : a - b)));
      // the closing column: every figure ends (at the decimal point + 2 digits) on one vertical line
      const closing = ['received', 'pledged', 'committed', 'disbursed', 'available'].map((k) =>
        page.find((w) => w.text === figure(s.closing[k]) && Math.abs(w.x1 - onRow[2]!.x1) < 1),
      );
      expect(closing.every(Boolean)).toBe(true);
      const ends = closing.map((w) => w!.x1);
      expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(0.5);
      shoot(pdf, `balance-statement-${lang}`);
    },
  );

  const DONOR_WORDS: Record<Lang, string[]> = {
    en: ['Statement of contributions', 'Total received:', 'VOID'],
    fr: ['Relevé des contributions', 'Total reçu', 'ANNULÉ'],
    zh: ['捐款对账单', '收到合计', '作废'],
    ar: ['بيان المساهمات', 'ملغى'],
  };

  it.each(LANGS)(
    'renders the donor statement in %s: the year as a table with receipt numbers and a total',
    async (lang) => {
      const res = await getFile(`/api/donors/${donorId}/statement?year=2015&lang=${lang}`);
      expect(res.status).toBe(200);
      const pdf = res.body as Buffer;
      expectDocument(pdf, lang, /Title:\s+Statement Việt Nam/);
      const text = poppler('pdftotext', pdf, '-layout');
      for (const c of contributions) expect(text).toContain(c.receiptNumber);
      const total = contributions[0].usdAmount + contributions[1].usdAmount;
      expect(text).toContain(formatMinor(total, 'USD'));
      expect(text).toContain('Việt Nam');
      for (const w of DONOR_WORDS[lang]) {
        if (lang === 'ar') expect(arabicWords(text)).toEqual(expect.arrayContaining(arabicWords(w)));
        else expect(text).toContain(w);
      }
      // each contribution's row: receipt number and its figure on one baseline
      const page = words(pdf);
      const number = page.find((w) => w.text === contributions[1].receiptNumber)!;
      const amount = page.filter((w) => w.text === '250,000.00');
      expect(amount.some((w) => Math.abs(w.y1 - number.y1) < 0.01)).toBe(true);
      shoot(pdf, `donor-statement-${lang}`);
    },
  );
});
