import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DomainError, NOT_FOUND_CODES, NotFoundError } from './domain-error';

/**
 * Fixed error codes (ADR 0008): every DomainError subclass in libs/ and apps/api owns one code as a static
 * field, no two errors share a code, the code's prefix follows the context that defines it, and the README's
 * error table lists it with its status and problem type. Pure: it imports the sources and reads files only.
 */
const root = join(__dirname, '..', '..', '..', '..');

/** The prefixes each context's codes may use (the codes clients see today, so some contexts have several). */
const PREFIXES: Record<string, readonly string[]> = {
  core: ['AUTH', 'HTTP', 'IDEMPOTENCY', 'REQUEST'],
  api: ['HTTP', 'REQUEST', 'ROUTE'],
  identity: ['AUTH', 'INVITATION', 'ORGANIZATION', 'TEAM', 'USER'],
  funds: ['FUNDS', 'LEDGER', 'RATES'],
  donors: ['CONTRIBUTIONS', 'DONORS', 'MONEY', 'PLEDGES'],
  calls: ['CALLS'],
  applications: ['APPLICATIONS'],
  reviews: ['REVIEWS'],
  grants: ['GRANTS'],
  reports: ['REPORTS'],
  partners: ['PARTNERS'],
  'open-data': ['OPEN_DATA'],
};
/** A request the API cannot act on is `REQUEST.*` in every context (`REQUEST.IN_FUTURE`, ...). */
const SHARED_PREFIXES = ['REQUEST'];

type ErrorClass = (abstract new (...args: never[]) => DomainError) & { code?: unknown; codes?: unknown };

interface Found {
  cls: ErrorClass;
  file: string;
  context: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(spec|e2e-spec|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every source file that declares a class extending something (entry points and CLIs excluded). */
function candidateFiles(): string[] {
  const libs = readdirSync(join(root, 'libs')).map((lib) => join(root, 'libs', lib, 'src'));
  return [...libs, join(root, 'apps', 'api', 'src')]
    .flatMap(sources)
    .filter((file) => !/[/\\](main|bootstrap)\.ts$|[/\\]cli[/\\]/.test(file))
    .filter((file) => /\bclass\s+\w+\s+extends\s/.test(readFileSync(file, 'utf8')));
}

function contextOf(file: string): string {
  const parts = relative(root, file).split(sep);
  return parts[1]; // libs/<context>/... or apps/api/...
}

function isDomainErrorClass(value: unknown): value is ErrorClass {
  return typeof value === 'function' && value !== DomainError && value.prototype instanceof DomainError;
}

function findErrorClasses(): Found[] {
  const found = new Map<ErrorClass, Found>();
  for (const file of candidateFiles()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each file is loaded by its path
    const exports = require(file) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (isDomainErrorClass(value) && !found.has(value))
        found.set(value, { cls: value, file: relative(root, file), context: contextOf(file) });
    }
  }
  return [...found.values()];
}

/** A class's own code (a subclass of a concrete error, like InvalidInputError, is that error). */
function codeOf(cls: ErrorClass): string | undefined {
  for (let c: unknown = cls; isDomainErrorClass(c); c = Object.getPrototypeOf(c)) {
    if (Object.prototype.hasOwnProperty.call(c, 'code') && typeof (c as ErrorClass).code === 'string')
      return (c as ErrorClass).code as string;
  }
  return undefined;
}

/** The README's error table: code -> [status, problem type], from the rows under "## Error codes". */
function readmeTable(): Map<string, { status: string; type: string }> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Error codes');
  const end = readme.indexOf('\n## ', start + 1);
  const section = start < 0 ? '' : readme.slice(start, end < 0 ? undefined : end);
  const rows = new Map<string, { status: string; type: string }>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`([A-Z0-9_.]+)`$/.exec(cells[1] ?? '')?.[1];
    if (code) rows.set(code, { status: cells[2], type: cells[3] });
  }
  return rows;
}

/** An instance where the constructor accepts no arguments (most do), to compare status and type. */
function sample(cls: ErrorClass): DomainError | undefined {
  try {
    return new (cls as unknown as new () => DomainError)();
  } catch {
    return undefined;
  }
}

describe('fixed error codes', () => {
  const classes = findErrorClasses();
  const table = readmeTable();
  const owned = classes.filter((f) => f.cls !== (NotFoundError as unknown));

  it('finds the error classes of every context', () => {
    const contexts = new Set(classes.map((f) => f.context));
    // apps/api has none of its own today: its validation pipe throws core's RequestInvalid
    for (const context of [
      'core',
      'identity',
      'funds',
      'donors',
      'calls',
      'applications',
      'reviews',
      'grants',
    ])
      expect(contexts).toContain(context);
    expect(classes.length).toBeGreaterThan(60);
  });

  it('every DomainError subclass owns its code as a static field', () => {
    const missing = owned.filter((f) => codeOf(f.cls) === undefined).map((f) => `${f.file}: ${f.cls.name}`);
    expect(missing).toEqual([]);
  });

  it('no two errors share a code', () => {
    const byCode = new Map<string, string[]>();
    for (const f of owned) {
      const code = codeOf(f.cls);
      if (!code || !Object.prototype.hasOwnProperty.call(f.cls, 'code')) continue;
      byCode.set(code, [...(byCode.get(code) ?? []), `${f.file}: ${f.cls.name}`]);
    }
    for (const code of Object.values(NOT_FOUND_CODES))
      byCode.set(code, [...(byCode.get(code) ?? []), 'NotFoundError']);
    const shared = [...byCode].filter(([, owners]) => owners.length > 1);
    expect(shared).toEqual([]);
  });

  it("each code's prefix follows the context that defines it", () => {
    const wrong = owned
      .map((f) => ({ ...f, code: codeOf(f.cls) }))
      .filter(({ code, context }) => {
        if (!code) return false;
        const prefix = code.split('.')[0];
        return ![...(PREFIXES[context] ?? []), ...SHARED_PREFIXES].includes(prefix);
      })
      .map(({ file, cls, code }) => `${file}: ${cls.name} ${code}`);
    expect(wrong).toEqual([]);
  });

  it('not-found codes name the thing looked for, one code per thing', () => {
    for (const [entity, code] of Object.entries(NOT_FOUND_CODES))
      expect(code).toBe(`${entity.toUpperCase()}.NOT_FOUND`);
    expect(new NotFoundError('grant', 'x')).toMatchObject({
      code: 'GRANT.NOT_FOUND',
      status: 404,
      slug: 'not-found',
    });
  });

  it("the README's error table lists every code with its status and problem type", () => {
    const codes = [
      ...owned.flatMap((f) => {
        const code = codeOf(f.cls);
        return code ? [{ code, cls: f.cls as ErrorClass | undefined }] : [];
      }),
      ...Object.values(NOT_FOUND_CODES).map((code) => ({ code, cls: undefined })),
    ];
    const problems: string[] = [];
    for (const { code, cls } of codes) {
      const row = table.get(code);
      if (!row) {
        problems.push(`${code} is not in the README's error table`);
        continue;
      }
      const error = cls && sample(cls);
      if (!error || error.code !== code) continue;
      if (!row.status.split(/,\s*/).includes(String(error.status)))
        problems.push(`${code}: README says ${row.status}, the error ${error.status}`);
      if (!row.type.includes(`/problems/${error.slug}`))
        problems.push(`${code}: README says ${row.type}, the error /problems/${error.slug}`);
    }
    expect(problems).toEqual([]);
  });
});
