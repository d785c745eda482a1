import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { ContributionsReportService } from './contributions-report.service';
import { DonorStatementService } from './donor-statement.service';
import { GrantsReportService } from './grants-report.service';
import {
  DonorStatementController,
  FundStatementController,
  PublicImpactController,
  ReportsController,
} from './reports.controller';
import { StatementService } from './statement.service';
import { PublicSummaryController } from './public-summary/public-summary.controller';
import { PublicSummaryService } from './public-summary/public-summary.service';

/**
 * Reports and exports (issue 7): the fund's balance statement, contributions by donor, type and year, and
 * donors' statements. Read-only: raw SQL over the ledger and the donors' tables.
 */
@Module({
  imports: [FundsModule],
  controllers: [
    FundStatementController,
    ReportsController,
    DonorStatementController,
    PublicImpactController,
    PublicSummaryController,
  ],
  providers: [
    StatementService,
    ContributionsReportService,
    DonorStatementService,
    GrantsReportService,
    PublicSummaryService,
  ],
  exports: [StatementService, ContributionsReportService, DonorStatementService, GrantsReportService],
})
export class ReportsModule {}
