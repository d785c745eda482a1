import { InvalidInputError, MAX_AMOUNT } from '@app/core';

/** Pure rules of an application: statuses, the budget total and what an uploaded file really is. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** "Withdraw before a decision": screening out (ineligible) is a decision too. */
export function canWithdraw(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'submitted' || status === 'eligible';
}

/** The amount requested: the sum of the budget lines, exact, refused beyond 2^53. */
export function budgetTotal(lines: readonly { amount: number }[]): number {
  const total = lines.reduce((sum, l) => sum + BigInt(l.amount), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('budget total exceeds 2^53');
  return Number(total);
}

/** The amount requested, at most one amount's cap (USD 1 billion in cents): 400 naming `budget` beyond it. */
export function requestedAmount(lines: readonly { amount: number }[]): number {
  const total = budgetTotal(lines);
  if (total > MAX_AMOUNT) {
    throw new InvalidInputError('budget', `budget lines must add up to at most ${MAX_AMOUNT} minor units`);
  }
  return total;
}

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What a file is by its bytes, never by its name or declared type: a PDF starts with `%PDF-`; DOCX and XLSX
 * are zip archives (`PK\x03\x04`) whose entries include `word/document.xml` resp. `xl/workbook.xml` (entry
 * names are stored uncompressed in the local headers and the central directory). Anything else is null.
 */
export function sniffAttachment(bytes: Buffer): AttachmentKind | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length >= 4 && bytes.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    if (bytes.includes('word/document.xml', 0, 'latin1')) return 'docx';
    if (bytes.includes('xl/workbook.xml', 0, 'latin1')) return 'xlsx';
  }
  return null;
}

/** The kind of a stored attachment from its MIME type (the type was detected from its bytes on upload). */
export function attachmentKindOf(mime: string): AttachmentKind | null {
  const found = Object.entries(ATTACHMENT_TYPES).find(([, m]) => m === mime);
  return found ? (found[0] as AttachmentKind) : null;
}

/**
 * Characters never kept in a file name: C0 and C1 controls, DEL, the bidi embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069), the directional and zero-width marks (U+200B-200F, U+061C, U+FEFF),
 * the line and paragraph separators, and `"` (it ends a quoted header value).
 */
const UNSAFE_IN_FILENAME =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff"]/g;

/**
 * A file name safe to store, show and send back: no path, no control or bidi characters, and always the
 * extension of the type detected from the bytes (`%PDF-` uploaded as `Budget.hta` is `Budget.pdf`).
 */
export function safeFilename(name: string | undefined, kind: AttachmentKind): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE_IN_FILENAME, '').trim();
  const stem = clean
    .replace(/\.[^.\s]{1,16}$/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 200 - kind.length - 1)
    .trim();
  return `${stem || 'attachment'}.${kind}`;
}

/** A stored name as served: files stored before these rules were cleaned on the way out the same way. */
export function servedFilename(stored: string, mime: string): string {
  const kind = attachmentKindOf(mime);
  return kind ? safeFilename(stored, kind) : 'attachment.bin';
}

/** `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / RFC 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
