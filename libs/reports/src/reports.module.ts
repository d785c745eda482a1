import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { IdentityModule } from '@app/identity';
import { ContributionsReportService } from './contributions-report.service';
import { DonorStatementService } from './donor-statement.service';
import { GrantsReportService } from './grants-report.service';
import {
  DonorStatementController,
  FundStatementController,
  PublicImpactController,
  ReportsController,
} from './reports.controller';
import { ContributionsReportRepository } from './repositories/contributions-report.repository';
import { DonorStatementRepository } from './repositories/donor-statement.repository';
import { GrantsReportRepository } from './repositories/grants-report.repository';
import { StatementRepository } from './repositories/statement.repository';
import { StatementService } from './statement.service';
import { PublicSummaryController } from './public-summary/public-summary.controller';
import { PublicSummaryService } from './public-summary/public-summary.service';
import { FundWorkController, FundWorkService } from './fund-work/fund-work.controller';
import { FundWorkRepository } from './fund-work/fund-work.repository';

/** One read model per report family; reports read other contexts' tables only through these, never write. */
const repositories = [
  StatementRepository,
  ContributionsReportRepository,
  DonorStatementRepository,
  GrantsReportRepository,
  FundWorkRepository,
];

/**
 * Reports and exports (issue 7): the fund's balance statement, contributions by donor, type and year, and
 * donors' statements. Read-only: the SQL over the ledger, donors' and grants' tables is in repositories/.
 */
@Module({
  imports: [FundsModule, IdentityModule],
  controllers: [
    FundStatementController,
    ReportsController,
    DonorStatementController,
    PublicImpactController,
    PublicSummaryController,
    FundWorkController,
  ],
  providers: [
    StatementService,
    ContributionsReportService,
    DonorStatementService,
    GrantsReportService,
    ...repositories,
    PublicSummaryService,
    FundWorkService,
  ],
  exports: [StatementService, ContributionsReportService, DonorStatementService, GrantsReportService],
})
export class ReportsModule {}
