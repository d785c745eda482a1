import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { InvalidInputError, NotFoundError } from '@app/core';
import { attachmentTooLarge, UploadOffsetMismatch } from '../applications.errors';

/** The headers of a tus answer the client needs (CORS and the rest are the API's own business). */
const TUS_HEADERS = [
  'tus-resumable',
  'upload-offset',
  'upload-length',
  'upload-expires',
  'location',
  'cache-control',
];

/** The fastify request as a web `Request` for `@tus/server`'s `handleWeb`, its body streamed (never buffered). */
export function webRequest(req: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  const streamed = req.method === 'PATCH' || (req.method === 'POST' && headers.has('content-type'));
  return new Request(new URL(req.url, `http://${headers.get('host') ?? 'localhost'}`), {
    method: req.method,
    headers,
    ...(streamed ? { body: Readable.toWeb(req.raw) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

/** tus's refusals as the API's problems (problem+json through the one filter), by their status. */
export async function tusRefusal(response: Response, uploadId: string | undefined): Promise<Error> {
  const text = (await response.text()).trim() || response.statusText;
  switch (response.status) {
    case 400:
      return new InvalidInputError('headers', text);
    case 404:
    case 410:
      return new NotFoundError('upload', uploadId);
    case 409:
      return new UploadOffsetMismatch();
    case 413:
      return attachmentTooLarge();
    default:
      return Object.assign(new Error(text), response.status < 500 ? { statusCode: response.status } : {});
  }
}

/** Copies tus's status-line headers onto the reply. */
export function copyTusHeaders(response: Response, reply: FastifyReply): void {
  for (const name of TUS_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) void reply.header(name, value);
  }
}
