import ExcelJS from 'exceljs';
import { Api, startApi } from '../setup/harness';
import { binary, pdfText } from '../setup/pdf-text';
import { contribute, createFund, moneyActors, MoneyActors } from '../factories/money';

/** The six UN languages' scripts in donor and fund names. */
const NAMES = {
  vietnamese: 'Cộng hòa Xã hội chủ nghĩa Việt Nam',
  russian: 'Российская Федерация',
  chinese: '中华人民共和国',
  arabic: 'مؤسسة الأمل',
  french: 'Fondation Žižek-Åberg & Œuvre',
};

/**
 * pdfkit lays an Arabic run out right to left with its letters joined (fontkit shapes it); pdf.js reads the
 * glyphs back through the embedded ToUnicode map, in visual order per word and without the space between
 * words. So: an unligatured word comes back whole, and the Arabic letters of the text are the name's.
 */
function arabicLetters(text: string): string {
  return [...text.replace(/[^\u0600-\u06ff]/g, '')].sort().join('');
}

describe('exports: PDFs in every UN script, spreadsheets with a number format per column', () => {
  let api: Api;
  let actors: MoneyActors;
  let fundId: string;
  const donors: Record<string, string> = {};
  const receipts: Record<string, string> = {};

  const getFile = (path: string) =>
    api.http().get(path).set('authorization', `Bearer ${actors.finance}`).buffer(true).parse(binary);

  beforeAll(async () => {
    api = await startApi();
    actors = await moneyActors(api);
    const fund = { newCallTarget: 50_000_00, name: `${NAMES.chinese} 基金` };
    fundId = (await createFund(api, actors.admin, fund as { newCallTarget: number })).id;
    for (const [lang, name] of Object.entries(NAMES)) {
      const res = await api
        .http()
        .post('/api/donors')
        .set('authorization', `Bearer ${actors.finance}`)
        .send({ name, type: 'private' });
      expect(res.status).toBe(201);
      donors[lang] = res.body.id;
      const c = await contribute(api, actors.finance, {
        donorId: res.body.id,
        fundId,
        amount: 12_345_67,
        receivedAt: '2015-06-30T12:00:00Z',
      });
      expect(c.status).toBe(201);
      receipts[lang] = c.body.id;
    }
  });
  afterAll(() => api.close());

  it('issue 11 also: receipts and donor statements print Vietnamese, Russian, Chinese and Arabic names', async () => {
    for (const [lang, name] of Object.entries(NAMES)) {
      const receipt = await getFile(`/api/contributions/${receipts[lang]}/receipt`);
      expect(receipt.status).toBe(200);
      const pdfs = [receipt.body as Buffer];
      if (lang === 'arabic' || lang === 'vietnamese') {
        const statement = await getFile(`/api/donors/${donors[lang]}/statement?year=2015`);
        expect(statement.status).toBe(200);
        pdfs.push(statement.body as Buffer);
      }
      for (const pdf of pdfs) {
        const text = pdfText(pdf);
        if (lang === 'arabic') {
          expect(text).toContain('مؤسسة');
          expect(arabicLetters(text)).toBe(arabicLetters(name));
        } else expect(text).toContain(name);
        expect(text).toContain('12,345.67 USD');
        // the fonts are embedded (subsets), not the standard WinAnsi Helvetica
        const raw = pdf.toString('latin1');
        expect(raw).not.toContain('/Helvetica');
        expect(raw).toMatch(/\/FontFile[23]?/);
        expect(pdf.length).toBeLessThan(400_000);
      }
    }
  }, 120_000);

  it('issue 11 also: the fund statement PDF prints a Chinese fund name', async () => {
    const res = await getFile(`/api/funds/${fundId}/statement?from=2015-01-01&to=2015-12-31&format=pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain(`${NAMES.chinese} 基金`);
    expect(text).toContain('Available balance: 61,728.35 USD');
  });

  it('issue 11 also: the statement XLSX gives money, ratio and text columns their own number format', async () => {
    const path = `/api/funds/${fundId}/statement?from=2015-01-01&to=2015-12-31`;
    const s = (await api.http().get(path).set('authorization', `Bearer ${actors.finance}`)).body;
    expect(s.progress).toBeGreaterThan(0);
    const res = await getFile(`${path}&format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['section', 'key', 'label', 'amount', 'currency', 'ratio']);
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(2).value), row);
    });
    const money = rows.get('closing.available')!;
    expect(money.getCell(4).value).toBe(s.closing.available);
    expect(money.getCell(4).numFmt).toBe('0"."00');
    expect(money.getCell(1).numFmt).toBe('@');
    const progress = rows.get('progress')!;
    expect(progress.getCell(6).value).toBe(s.progress);
    expect(progress.getCell(6).numFmt).toBe('0.00%');
    expect(progress.getCell(4).value).toBeNull();
    for (const [key, row] of rows) {
      expect(row.getCell(4).numFmt).toBe('0"."00');
      expect(row.getCell(6).numFmt).toBe('0.00%');
      if (key !== 'progress') expect(row.getCell(4).value).toEqual(expect.any(Number));
    }

    const contributions = await getFile(
      `/api/reports/contributions?fundId=${fundId}&groupBy=year&format=xlsx`,
    );
    const cwb = new ExcelJS.Workbook();
    await cwb.xlsx.load(contributions.body as unknown as ArrayBuffer);
    const row = cwb.worksheets[0].getRow(2);
    expect([1, 2, 3, 4, 5].map((n) => row.getCell(n).numFmt)).toEqual(['0', '0"."00', '@', '0', '0.00%']);
    expect(row.getCell(2).value).toBe(5 * 12_345_67);
    expect(row.getCell(5).value).toBe(1);
  });
});
