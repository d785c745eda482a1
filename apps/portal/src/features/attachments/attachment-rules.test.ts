import { describe, expect, it } from 'vitest';
import { isolate } from '../../lib/format';
import {
  checkFile,
  failureKey,
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  percentSent,
  progressText,
  type UploadItem,
} from './attachment-rules';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('attachment checks before sending', () => {
  it.each([
    [{ name: 'plan.pdf', size: 2048, type: PDF }, null],
    [{ name: 'Budget.XLSX', size: 10, type: '' }, null],
    [{ name: 'letter.docx', size: 10, type: DOCX }, null],
    [{ name: 'letter.docx', size: 10, type: 'application/octet-stream' }, null],
    [{ name: 'photo.png', size: 10, type: 'image/png' }, 'type'],
    [{ name: 'plan.pdf.exe', size: 10, type: '' }, 'type'],
    [{ name: 'plan', size: 10, type: PDF }, 'type'],
    [{ name: 'plan.pdf', size: 10, type: 'text/html' }, 'type'],
    [{ name: 'plan.pdf', size: 0, type: PDF }, 'empty'],
    [{ name: 'plan.pdf', size: MAX_ATTACHMENT_BYTES, type: PDF }, null],
    [{ name: 'plan.pdf', size: MAX_ATTACHMENT_BYTES + 1, type: PDF }, 'size'],
  ])('%o is refused for %s', (file, refusal) => {
    expect(checkFile(file)).toBe(refusal);
  });
});

describe('progress', () => {
  it.each([
    [0, 100, 0],
    [50, 200, 25],
    [999, 1000, 99],
    [1000, 1000, 100],
    [5, 0, 0],
  ])('%i of %i bytes is %i%%', (sent, total, percent) => {
    expect(percentSent(sent, total)).toBe(percent);
  });

  it('sizes read in the reader language', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(2048, 'en')).toBe('2 kB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'fr')).toMatch(/^1,5\sMo$/);
  });

  const echo = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`;
  const item: UploadItem = {
    key: 'k',
    name: 'plan.pdf',
    size: 4096,
    kind: 'PDF',
    status: 'sending',
    sent: 1024,
  };

  it('names the file, its kind, its size and how far it is', () => {
    expect(progressText(item, 'en', echo)).toBe(
      `attachments.status.sending {"name":"${isolate('plan.pdf')}","kind":"PDF","size":"4 kB","percent":25,"sent":"1 kB"}`,
    );
    expect(progressText({ ...item, status: 'done', sent: 4096 }, 'en', echo)).toMatch(
      /^attachments\.status\.done .*"name":"\u2068plan\.pdf\u2069"/,
    );
    expect(progressText({ ...item, status: 'refused', refusal: 'size' }, 'en', echo)).toMatch(
      /^attachments\.refused\.size /,
    );
  });

  it.each([
    [422, '{"type":"/problems/unsupported-attachment","status":422}', 'attachments.refused.type'],
    [413, '{"type":"/problems/http-413","status":413}', 'attachments.refused.size'],
    [409, '{"type":"/problems/invalid-application-state","status":409}', 'attachments.failure.notDraft'],
    [null, null, 'problems.network'],
    [500, 'oops', 'problems.generic'],
  ])('a failure with status %s reads as %s', (status, body, key) => {
    expect(failureKey(status, body)).toBe(key);
  });
});
