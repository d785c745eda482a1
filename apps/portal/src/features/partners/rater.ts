import type { AssessmentView } from './partners-queries';

/**
 * Who rated, as the risk history names them: the rater's display name from the API (fund managers cannot
 * read users), "(you)" after the reader's own; the system when no one did; a short id only when the name
 * is unknown. The name as it is, or a translation key with its values.
 */
export function raterLabel(
  a: Pick<AssessmentView, 'assessedBy' | 'assessedByName'>,
  meId: string | undefined,
): { name: string } | { key: string; values?: Record<string, string> } {
  if (a.assessedBy === null) return { key: 'partners.risk.system' };
  if (a.assessedByName === null)
    return { key: 'partners.risk.staff', values: { id: a.assessedBy.slice(0, 8) } };
  if (a.assessedBy === meId) return { key: 'partners.risk.youNamed', values: { name: a.assessedByName } };
  return { name: a.assessedByName };
}
