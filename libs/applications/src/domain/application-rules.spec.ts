import { InvalidInputError } from '@app/core';
import {
  budgetTotal,
  canWithdraw,
  contentDisposition,
  requestedAmount,
  safeFilename,
  sniffAttachment,
} from './application-rules';

describe('application rules', () => {
  it.each([
    ['draft', true],
    ['submitted', true],
    ['eligible', true],
    ['ineligible', false],
    ['approved', false],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)('withdrawing a %s application is allowed: %s', (status, allowed) => {
    expect(canWithdraw(status)).toBe(allowed);
  });

  it.each([
    [[{ amount: 1 }], 1],
    [[{ amount: 150_000 }, { amount: 250_001 }], 400_001],
    [[{ amount: Number.MAX_SAFE_INTEGER - 1 }, { amount: 1 }], Number.MAX_SAFE_INTEGER],
  ])('budget %j totals %i', (lines, total) => {
    expect(budgetTotal(lines)).toBe(total);
  });

  it('refuses a budget total beyond 2^53', () => {
    expect(() => budgetTotal([{ amount: Number.MAX_SAFE_INTEGER }, { amount: 1 }])).toThrow(RangeError);
  });

  it('issue 11 item 8: the amount requested is capped at USD 1 billion in cents, naming the budget', () => {
    expect(requestedAmount([{ amount: 60_000_000_000 }, { amount: 40_000_000_000 }])).toBe(100_000_000_000);
    expect(() => requestedAmount([{ amount: 60_000_000_000 }, { amount: 40_000_000_001 }])).toThrow(
      InvalidInputError,
    );
  });

  const zip = (entry: string) =>
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry, 'latin1')]);
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'pdf'],
    ['a DOCX', zip('[Content_Types].xml word/document.xml'), 'docx'],
    ['an XLSX', zip('xl/workbook.xml'), 'xlsx'],
    ['a plain zip', zip('readme.txt'), null],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), null],
    ['text claiming to be a PDF later', Buffer.from('hello %PDF-'), null],
    ['an empty file', Buffer.alloc(0), null],
  ])('recognises %s by its bytes', (_name, bytes, kind) => {
    expect(sniffAttachment(bytes)).toBe(kind);
  });

  it.each([
    ['../../etc/passwd', 'passwd.pdf'],
    ['C:\\docs\\budget.xlsx', 'budget.pdf'],
    ['a"b\u0000.pdf', 'ab.pdf'],
    ['', 'attachment.pdf'],
  ])("cleans the file name %j (issue 11 item 11: the extension is the detected type's)", (name, clean) => {
    expect(safeFilename(name, 'pdf')).toBe(clean);
  });

  it.each([
    ['Budget.hta', 'pdf', 'Budget.pdf'],
    ['report.pdf.exe', 'pdf', 'report.pdf.pdf'],
    ['Invoice\u202Eexe.pdf', 'pdf', 'Invoiceexe.pdf'],
    ['a\u2066b\u2069c\u200e\u200f\u202a\u202b\u202c\u202d.docx', 'docx', 'abc.docx'],
    ['x\u0085y\u009f\u0007z.xlsx', 'xlsx', 'xyz.xlsx'],
    ['  .  ', 'pdf', 'attachment.pdf'],
    ['Projet déjà.docx', 'docx', 'Projet déjà.docx'],
  ] as const)('issue 11 item 11: %j detected as %s is stored as %j', (name, kind, clean) => {
    expect(safeFilename(name, kind)).toBe(clean);
  });

  it('issue 11 item 11: Content-Disposition has an ASCII fallback and an RFC 8187 name', () => {
    expect(contentDisposition('Projet déjà (1).pdf')).toBe(
      `attachment; filename="Projet d_j_ (1).pdf"; filename*=UTF-8''Projet%20d%C3%A9j%C3%A0%20%281%29.pdf`,
    );
  });
});
