export { ReportsModule } from './reports.module';
export { StatementService } from './statement.service';
export { ContributionsReportService } from './contributions-report.service';
export { DonorStatementService } from './donor-statement.service';
export type { DonorStatement, DonorStatementLine } from './donor-statement.service';
export type { FundStatement, StatementFigures, StatementMovements } from './domain/statement';
export type { ContributionsReport, ContributionGroup, ContributionGroupRow } from './domain/contributions';
export { neutralise } from './export/table';
export { GrantsReportService } from './grants-report.service';
export type {
  GrantsReport,
  ImpactReport,
  ImpactRow,
  PublicImpactReport,
  PublicImpactRow,
} from './grants-report.service';
