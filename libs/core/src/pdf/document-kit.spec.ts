import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentKit, splitFigure } from './document-kit';
import { documentLocale } from './kit-labels';
import { pdfBuffer } from './pdf-buffer';
import { visualRuns } from './text-line';

/** Renders a small document with every part of the kit; reads it back with poppler. */
function sample(locale: 'en' | 'fr' | 'ar' | 'zh', generatedAt = new Date('2026-01-02T03:04:05Z')) {
  const kit = new DocumentKit({
    locale,
    title: 'Sample statement',
    subject: 'A sample',
    author: 'صندوق الأمم المتحدة الاستئماني',
    generatedAt,
    generatedBy: 'Ana Pérez',
  });
  kit.letterhead('صندوق الأمم المتحدة الاستئماني', 'UN Trust Fund');
  kit.heading('Statement 2015', 1);
  kit.paragraph(locale === 'ar' ? 'المبلغ المستلم: 12,345.67 USD' : 'Amount received: 12,345.67 USD');
  kit.table({
    columns: [
      { header: 'Line', width: 0.4 },
      { header: 'Opening', width: 0.3, align: 'decimal' },
      { header: 'Closing', width: 0.3, align: 'decimal' },
    ],
    rows: Array.from({ length: 45 }, (_, i) => [
      `Line ${i + 1}`,
      `${(i * 1234).toLocaleString('en-US')}.50 USD`,
      '7 JPY',
    ]),
    totals: [['Total', '99,999.99 USD', '1,000 JPY']],
  });
  kit.progress(0.42, 'Progress 42%');
  kit.qr('https://example.org/api/public/receipts/verify/ABC', kit.left, kit.doc.y, 72, 'QR');
  kit.doc.y += 80;
  kit.clauses([{ title: 'Purpose', text: 'The grant serves survivors.' }]);
  kit.signatures([
    { role: 'Fund manager', name: 'A. B.', signed: '2026-01-01' },
    { role: 'NGO', name: 'C. D.' },
  ]);
  return pdfBuffer(kit.end());
}

/** The Arabic words of a text, each as its letters sorted (see the Arabic check). */
export function arabicWords(text: string): string[] {
  return (text.match(/[\u0600-\u06ff]+/g) ?? []).map((w) => [...w].sort().join(''));
}

const dir = mkdtempSync(join(tmpdir(), 'kit-'));
const poppler = (tool: string, pdf: Buffer, ...args: string[]) => {
  const file = join(dir, `${createHash('md5').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])]).toString('utf8');
};

describe('document kit', () => {
  it('gives the same bytes for the same data and time, other bytes for another time', async () => {
    const a = await sample('en');
    const b = await sample('en');
    const hash = (x: Buffer) => createHash('sha256').update(x).digest('hex');
    expect(hash(a)).toBe(hash(b));
    expect(hash(await sample('en', new Date('2026-01-03T00:00:00Z')))).not.toBe(hash(a));
  });

  it('is tagged, titled, in its language, numbered "Page n of m" on every page', async () => {
    for (const locale of ['en', 'fr', 'ar', 'zh'] as const) {
      const pdf = await sample(locale);
      const info = poppler('pdfinfo', pdf);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Title:\s+Sample statement/);
      const pages = /Pages:\s+(\d+)/.exec(info)![1];
      expect(Number(pages)).toBeGreaterThan(1);
      expect(pdf.toString('latin1')).toContain(`/Lang (${locale})`);
      expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
      const text = poppler('pdftotext', pdf, '-layout');
      // poppler gives the lam-alef ligature's letters back in the other order: compare letters per word
      expect(arabicWords(text)).toEqual(
        expect.arrayContaining(arabicWords('صندوق الأمم المتحدة الاستئماني')),
      );
      if (locale === 'en') expect(text).toContain(`Page 1 of ${pages}`);
      if (locale === 'en') expect(text).toContain(`Page ${pages} of ${pages}`);
      if (locale === 'fr') expect(text).toContain(`Page ${pages} sur ${pages}`);
      if (locale === 'zh') expect(text).toContain(`第 ${pages} 页，共 ${pages} 页`);
      if (locale === 'ar')
        expect(arabicWords(text)).toEqual(expect.arrayContaining(arabicWords('الصفحة من')));
    }
  });

  it('puts the figures of a row on one baseline and their decimal points on one vertical', async () => {
    const pdf = await sample('en');
    const html = poppler('pdftotext', pdf, '-bbox', '-f', '1', '-l', '1');
    const words = [
      ...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
    ].map((m) => ({ x0: +m[1], y1: +m[4], x1: +m[3], w: m[5] }));
    const row = words.filter((w) => Math.abs(w.y1 - words.find((v) => v.w === '12,340.50')!.y1) < 0.01);
    expect(row.map((w) => w.w)).toEqual(['Line', '11', '12,340.50', 'USD', '7', 'JPY']);
    const ends = words
      .filter((w) => /^\d[\d,]*\.\d\d$/.test(w.w) && !['99,999.99', '12,345.67'].includes(w.w))
      .map((w) => w.x1);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(0.5);
  });

  it("orders an Arabic line from the right and reads the reader's language", () => {
    const texts = (t: string, rtl: boolean) => visualRuns(t, rtl).map((r) => r.text);
    expect(texts('المبلغ: 12.00 USD', true)).toEqual(['12.00 USD', ' ', ':', 'المبلغ']);
    expect(texts('الصفحة 1 من 3', true)).toEqual(['3', ' من ', '1', 'الصفحة ']);
    // brackets in a right-to-left stretch are mirrored; an Arabic name inside English keeps its place
    expect(texts('الجهة المانحة (دولة عضو)', true)).toEqual(['(', 'دولة عضو', ')', 'الجهة المانحة ']);
    expect(texts('Donor: مؤسسة الأمل (private)', false)).toEqual(['Donor: ', 'مؤسسة الأمل', ' (private)']);
    expect(visualRuns('Amount: 12.00 USD', false).map((r) => r.script)).toEqual(['latin']);
    expect(splitFigure('12,345.67 USD')).toEqual(['12,345', '.67 USD']);
    expect(splitFigure('1,000 JPY')).toEqual(['1,000', ' JPY']);
    expect(splitFigure('15\u202f000,00 USD', ',')).toEqual(['15\u202f000', ',00 USD']);
    expect(splitFigure('15.000,00 USD', ',')).toEqual(['15.000', ',00 USD']);
    expect(splitFigure('1.000 JPY', ',')).toEqual(['1.000', ' JPY']);
    expect(documentLocale(undefined, 'de-CH, fr;q=0.8, ar;q=0.9')).toBe('ar');
    expect(documentLocale('zh-CN', 'fr')).toBe('zh');
    expect(documentLocale(null, null, 'ru')).toBe('ru');
    expect(documentLocale('xx', 'de')).toBe('en');
  });
});

if (process.env.KIT_SAMPLE_DIR) {
  it('writes samples', async () => {
    for (const l of ['en', 'ar', 'zh'] as const)
      writeFileSync(join(process.env.KIT_SAMPLE_DIR!, `${l}.pdf`), await sample(l));
  });
}
