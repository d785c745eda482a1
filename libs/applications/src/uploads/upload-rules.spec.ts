import { declaredTypeAccepted, parseUploadMetadata, uploadLength } from './upload-rules';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('resumable upload rules', () => {
  it.each([
    ['2048', 2048],
    ['0', 0],
    [undefined, null],
    ['', null],
    ['-1', null],
    ['1e6', null],
    ['12 ', null],
    ['99999999999999999', null],
  ])('Upload-Length %p is %p', (header, expected) => {
    expect(uploadLength(header)).toBe(expected);
  });

  it('metadata keeps every pair, decodes UTF-8 names, and allows a key without a value', () => {
    expect(
      parseUploadMetadata(`filename ${b64('تقرير.pdf')},filetype ${b64('application/pdf')},flag`),
    ).toEqual({ filename: 'تقرير.pdf', filetype: 'application/pdf', flag: '' });
    expect(parseUploadMetadata(undefined)).toEqual({});
  });

  it.each([['filename not*base64'], ['a b c'], [`x ${b64('1')},x ${b64('2')}`], [' , ']])(
    'malformed metadata %p is refused',
    (header) => {
      expect(parseUploadMetadata(header)).toBeNull();
    },
  );

  it.each([
    ['application/pdf', true],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', true],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', true],
    ['', true],
    [undefined, true],
    ['application/octet-stream', true],
    ['image/png', false],
    ['application/x-msdownload', false],
    ['text/html; charset=utf-8', false],
  ])('a declared type %p may be sent: %p', (type, expected) => {
    expect(declaredTypeAccepted(type)).toBe(expected);
  });
});
