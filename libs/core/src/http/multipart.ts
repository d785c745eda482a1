import type { FastifyRequest } from 'fastify';
// Brings @fastify/multipart's request decorations (isMultipart, file) into this file's types.
import type { MultipartFile } from '@fastify/multipart';

/** The limits of one upload (@fastify/multipart's: the file's size, how many files), when not the app's own. */
export type UploadLimits = { fileSize?: number; files?: number };

/** An upload read whole: the name the client gave, the bytes, and the text fields sent before the file. */
export interface Upload {
  filename: string;
  bytes: Buffer;
  fields: Record<string, string | undefined>;
}

/**
 * The one file of a multipart/form-data request, as a stream still to be read (an import too large to hold);
 * the bounded context's own problem `required()` when the request is not multipart or holds no file.
 */
export async function uploadedFile(
  req: FastifyRequest,
  required: () => Error,
  limits?: UploadLimits,
): Promise<MultipartFile> {
  if (!req.isMultipart()) throw required();
  const file = await (limits ? req.file({ limits }) : req.file());
  if (!file) throw required();
  return file;
}

/**
 * The one file of a multipart/form-data request read whole, with the text fields sent before it (the first
 * of each name); `required()` when there is none, `tooLarge()` when it was cut at the size limit. The
 * problems are the bounded context's own, so each route answers as it documents.
 */
export async function readUpload(
  req: FastifyRequest,
  problems: { required: () => Error; tooLarge: () => Error },
  limits?: UploadLimits,
): Promise<Upload> {
  const file = await uploadedFile(req, problems.required, limits);
  const bytes = await file.toBuffer();
  if (file.file.truncated) throw problems.tooLarge();
  const fields: Record<string, string | undefined> = {};
  for (const [name, f] of Object.entries(file.fields)) {
    const one = Array.isArray(f) ? f[0] : f;
    if (one && one.type === 'field') fields[name] = String(one.value);
  }
  return { filename: file.filename, bytes, fields };
}
