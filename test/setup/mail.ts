import { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/core';
import { Api, adminToken, startApi, startWorker, waitFor } from './harness';
import { ReceivedMail, startSmtp } from './smtp';

/**
 * The text of a mail as written (quoted-printable soft breaks and escapes undone, the escaped bytes read as
 * UTF-8: "é" is =C3=A9).
 */
export function textOf(mail: ReceivedMail): string {
  const text = mail.raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Q-encoding (RFC 2047): `_` is a space, `=XX` a byte. */
function qDecode(text: string): string {
  const bytes: number[] = [];
  const t = text.replace(/_/g, ' ');
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
      bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(t.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The subject as written: RFC 2047 encoded words (non-ASCII subjects) decoded. */
export function subjectOf(mail: ReceivedMail): string {
  return mail.subject
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qDecode(text),
    );
}

/** The token of the account link (invitation, confirmation) in a mail. */
export function linkToken(mail: ReceivedMail): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(textOf(mail));
  if (!m) throw new Error(`no link in mail "${mail.subject}"`);
  return m[1];
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The mails an address received (optionally only those whose decoded subject matches). */
export function mailsTo(smtp: Smtp, email: string, subject?: RegExp): ReceivedMail[] {
  return smtp.mails.filter(
    (m) => m.to.includes(email.toLowerCase()) && (!subject || subject.test(subjectOf(m))),
  );
}

/** Waits for the `count`-th matching mail to an address and returns it. */
export async function mailTo(smtp: Smtp, email: string, subject: RegExp, count = 1): Promise<ReceivedMail> {
  const mails = await waitFor(
    async () => mailsTo(smtp, email, subject),
    (ms) => ms.length >= count,
    15_000,
  );
  return mails[count - 1];
}

/**
 * A journey with real mail: an SMTP test server (SMTP_URL), the API and a worker, started before the
 * file's tests and stopped after them (the API's clock reset). Fields are set in its beforeAll.
 */
export interface MailJourney {
  api: Api;
  worker: INestApplicationContext;
  smtp: Smtp;
  admin: string;
  mailsTo: (email: string, subject?: RegExp) => ReceivedMail[];
  mailTo: (email: string, subject: RegExp, count?: number) => Promise<ReceivedMail>;
}

export function mailJourney(): MailJourney {
  const j = {} as MailJourney;
  j.mailsTo = (email, subject) => mailsTo(j.smtp, email, subject);
  j.mailTo = (email, subject, count = 1) => mailTo(j.smtp, email, subject, count);
  beforeAll(async () => {
    j.smtp = await startSmtp();
    process.env.SMTP_URL = j.smtp.url;
    j.api = await startApi();
    j.worker = await startWorker();
    j.admin = await adminToken(j.api);
  });
  afterAll(async () => {
    j.api?.app.get(Clock).reset();
    await j.worker?.close();
    await j.api?.close();
    delete process.env.SMTP_URL;
    await j.smtp?.close();
  });
  return j;
}
