import { ATTACHMENT_TYPES } from '../domain/application-rules';

/**
 * Pure rules of a resumable (tus) upload: the same limits as `POST /api/applications/:id/attachments`
 * (at most 10 MiB; PDF, DOCX or XLSX, decided by the bytes once the file is whole), plus what can be
 * refused before a byte is sent, so a slow connection does not carry a file that cannot be accepted.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The `Upload-Length` header as a byte count, or null when it is absent or not a plain integer. */
export function uploadLength(header: string | undefined): number | null {
  if (header === undefined || !/^\d{1,16}$/.test(header)) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * tus `Upload-Metadata`: comma-separated `key base64value` pairs (the value may be absent). Null when
 * the header is malformed: a key with spaces or commas, a value that is not base64, a key twice.
 */
export function parseUploadMetadata(header: string | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (header === undefined || header.trim() === '') return out;
  for (const pair of header.split(',')) {
    const [key, value, ...rest] = pair.trim().split(' ');
    if (!key || rest.length || !/^[\x21-\x7e]+$/.test(key) || key in out) return null;
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
    out[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return out;
}

const ACCEPTED_TYPES: readonly string[] = Object.values(ATTACHMENT_TYPES);

/**
 * Whether a declared media type (the browser's `File.type`, sent as `filetype`) may be sent at all. An
 * empty or absent type is allowed (some systems know no type for DOCX): the bytes decide in the end.
 */
export function declaredTypeAccepted(filetype: string | undefined): boolean {
  const type = (filetype ?? '').split(';')[0].trim().toLowerCase();
  return type === '' || type === 'application/octet-stream' || ACCEPTED_TYPES.includes(type);
}
