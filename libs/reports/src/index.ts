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
// The reports' read models, for the history benchmark (bench/history.bench.ts) to time and EXPLAIN their SQL.
export { StatementRepository } from './repositories/statement.repository';
export { ContributionsReportRepository } from './repositories/contributions-report.repository';
export { GrantsReportRepository } from './repositories/grants-report.repository';
export { yearPeriod } from './domain/period';
