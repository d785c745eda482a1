import { GrantReportsRepository } from './grant-reports.repository';
import { GrantReturnsRepository } from './grant-returns.repository';
import { GrantsRepository } from './grants.repository';
import { TranchesRepository } from './tranches.repository';

/**
 * The grants context's tables, each with its one repository: grants, grant_tranches, grant_reports with
 * grant_report_victims, grant_returns (and the victims_assisted view over them).
 */
export const GRANTS_REPOSITORIES = [
  GrantsRepository,
  TranchesRepository,
  GrantReportsRepository,
  GrantReturnsRepository,
];
