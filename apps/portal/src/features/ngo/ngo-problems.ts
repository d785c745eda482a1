import { isProblem, problemKey } from '../../lib/problems';

/** The problem types of applications and grants that the NGO pages explain in their own words. */
const NGO_PROBLEMS = [
  'outside-call',
  'deadline-passed',
  'call-not-open',
  'call-not-accepting',
  'organization-not-verified',
  'duplicate-application',
  'invalid-application-state',
  'application-not-draft',
  'unsupported-attachment',
] as const;

/** `ngo.problems.<slug>` for a problem the NGO pages know, else the portal's generic key. */
export function ngoProblemKey(error: unknown): string {
  if (isProblem(error)) {
    const slug = error.type.replace(/^.*\/problems\//, '');
    if ((NGO_PROBLEMS as readonly string[]).includes(slug)) return `ngo.problems.${slug}`;
  }
  return problemKey(error);
}

export function problemSlug(error: unknown): string | null {
  return isProblem(error) ? error.type.replace(/^.*\/problems\//, '') : null;
}
