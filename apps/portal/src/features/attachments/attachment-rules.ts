import { isolate } from '../../lib/format';

/**
 * The pure rules of the attachments feature, mirroring the API's (the server's answer always wins): a PDF,
 * DOCX or XLSX file of at most 10 MiB, checked before a byte is sent so nobody on a slow connection waits
 * for a file the fund cannot take.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** For the file picker's `accept`: the extensions and the types. */
export const ACCEPT = [
  ...Object.keys(ACCEPTED_TYPES).map((e) => `.${e}`),
  ...Object.values(ACCEPTED_TYPES),
].join(',');

export type Refusal = 'type' | 'size' | 'empty';

export interface FileFacts {
  name: string;
  size: number;
  type: string;
}

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const match = /\.([^.\\/]+)$/.exec(name.trim());
  return match ? match[1].toLowerCase() : '';
}

/**
 * Why a file cannot be sent, or null when it may: its extension must be pdf, docx or xlsx and its declared
 * type (when the browser knows one) must agree; it holds at least one byte and at most 10 MiB.
 */
export function checkFile(file: FileFacts): Refusal | null {
  const ext = extensionOf(file.name);
  const types: readonly string[] = Object.values(ACCEPTED_TYPES);
  const declared = file.type.split(';')[0].trim().toLowerCase();
  const typeKnown = declared === '' || declared === 'application/octet-stream';
  if (!(ext in ACCEPTED_TYPES) || (!typeKnown && !types.includes(declared))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}

/** The whole percent sent (0 to 100, never 100 before the last byte). */
export function percentSent(sent: number, total: number): number {
  if (total <= 0) return 0;
  if (sent >= total) return 100;
  return Math.min(99, Math.floor((sent / total) * 100));
}

/** A size for people: bytes, kB or MB in the reader's language (1 kB = 1024 bytes, as systems show files). */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** The short name of a file's kind for people: its extension in capitals ("PDF"), or '?' when it has none. */
export function kindOf(name: string): string {
  return extensionOf(name).toUpperCase() || '?';
}

export type UploadStatus = 'refused' | 'sending' | 'paused' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  kind: string;
  status: UploadStatus;
  sent: number;
  refusal?: Refusal;
  /** The catalog key of the reason a sending failed. */
  failure?: string;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What the progress bar and the live region say of one file: its name, kind, size and state. */
export function progressText(item: UploadItem, locale: string, t: Translate): string {
  const facts = { name: isolate(item.name), kind: item.kind, size: formatBytes(item.size, locale) };
  switch (item.status) {
    case 'refused':
      return t(`attachments.refused.${item.refusal ?? 'type'}`, facts);
    case 'done':
      return t('attachments.status.done', facts);
    case 'failed':
      return t('attachments.status.failed', facts);
    case 'paused':
      return t('attachments.status.paused', { ...facts, percent: percentSent(item.sent, item.size) });
    default:
      return t('attachments.status.sending', {
        ...facts,
        percent: percentSent(item.sent, item.size),
        sent: formatBytes(item.sent, locale),
      });
  }
}

function problemType(body: string | null): string {
  try {
    return body ? String((JSON.parse(body) as { type?: unknown }).type ?? '') : '';
  } catch {
    return '';
  }
}

/** The catalog key for a failed sending: the server's problem when it gave one, else the network. */
export function failureKey(status: number | null, body: string | null): string {
  const type = problemType(body);
  if (type.endsWith('/unsupported-attachment')) return 'attachments.refused.type';
  if (status === 413) return 'attachments.refused.size';
  if (status === 409) return 'attachments.failure.notDraft';
  if (status === 401) return 'problems.unauthorized';
  if (status === 404 || status === 403) return 'problems.not-found';
  if (status === null || status === 0) return 'problems.network';
  return 'problems.generic';
}

/** Where the API takes resumable uploads of an application (tus). */
export function uploadEndpoint(applicationId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/uploads`;
}
