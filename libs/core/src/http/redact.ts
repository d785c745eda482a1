/**
 * Query-string parameters whose values are secrets: never written to a log line. Matched as whole
 * parameter names, or as the last part of one (`access_token`, `apiKey`, `reset-code`).
 */
export const SECRET_PARAMS = [
  'token',
  'code',
  'key',
  'password',
  'passwd',
  'pwd',
  'secret',
  'signature',
  'sig',
  'otp',
  'session',
  'auth',
  'authorization',
  'credential',
  'credentials',
];

const NAME = `[A-Za-z0-9_.-]*?(?:${SECRET_PARAMS.join('|')})`;
// `?name=value` or `&name=value` (also percent-encoded `%3F` / `%26` and JSON-escaped `\u0026`), up to the
// next `&`, `#`, quote, backslash or white space.
const IN_QUERY = new RegExp(`((?:[?&;]|%3F|%26|\\\\u0026)${NAME}(?:=|%3D))[^&#"'\\\\\\s]*`, 'gi');

export const REDACTED = '[REDACTED]';

/** The text with every secret query-string value replaced by `[REDACTED]` (names and other values kept). */
export function redactSecrets(text: string): string {
  return text.replace(IN_QUERY, `$1${REDACTED}`);
}

/**
 * Standard output for pino, with every query-string secret redacted from each line whatever logged it
 * (the request log, Nest's logs, the problem filter's error lines, the worker's logs).
 */
export const redactingStdout = {
  write: (line: string): void => {
    process.stdout.write(redactSecrets(line));
  },
};
