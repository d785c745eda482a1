import type { ApplicationFilterDto } from '../../api/types.gen';

/** The filters of a call's applications table, as typed (empty: any). */
export interface Filters {
  status: string;
  country: string;
  service: string;
  q: string;
}

/** The filters as the API takes them: empty ones left out (the selects offer the API's values only). */
export function filterQuery(f: Filters): ApplicationFilterDto {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v.trim() !== ''),
  ) as unknown as ApplicationFilterDto;
}
