/**
 * Server problems (RFC 9457 application/problem+json) turned into what the reader sees: a message key
 * for the problem's `type`, and the field problems placed on their fields.
 */
export interface FieldProblem {
  field: string;
  messages: string[];
}

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/** The problem types the catalogs translate (`problems.<slug>`); anything else reads as generic. */
export const KNOWN_PROBLEMS = [
  'validation',
  'unauthorized',
  'bad-credentials',
  'forbidden',
  'not-found',
  'conflict',
  'too-many-requests',
  'unavailable',
] as const;

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).type === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

/** The catalog key of a problem's message: `problems.<slug>` for a known type, else by status, else generic. */
export function problemKey(problem: unknown): string {
  if (!isProblem(problem)) return problem instanceof TypeError ? 'problems.network' : 'problems.generic';
  const slug = problem.type.replace(/^.*\/problems\//, '');
  if ((KNOWN_PROBLEMS as readonly string[]).includes(slug)) return `problems.${slug}`;
  if (problem.status === 401) return 'problems.unauthorized';
  if (problem.status === 429) return 'problems.too-many-requests';
  if (problem.status === 400) return 'problems.validation';
  return 'problems.generic';
}

/**
 * Field problems keyed by the form's field names: `user.email` lands on `email` when the form's fields
 * are given and only the last segment matches; fields the form does not have are left for the banner.
 */
export function fieldProblems(problem: unknown, formFields: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isProblem(problem) || !problem.errors) return out;
  for (const { field, messages } of problem.errors) {
    const name = formFields.includes(field) ? field : formFields.find((f) => field.split('.').pop() === f);
    if (name) out[name] = [...(out[name] ?? []), ...messages];
  }
  return out;
}

/** The field problems no field of the form shows (they go into the banner). */
export function unplacedProblems(problem: unknown, formFields: readonly string[]): FieldProblem[] {
  if (!isProblem(problem) || !problem.errors) return [];
  const placed = fieldProblems(problem, formFields);
  return problem.errors.filter(
    ({ field }) => !Object.keys(placed).some((f) => f === field || field.split('.').pop() === f),
  );
}
