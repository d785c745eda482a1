import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { Clock, IdParam, InvalidInputError } from '@app/core';
import { CurrentActor, Public, Roles } from '@app/identity';
import { ContributionsReportService } from './contributions-report.service';
import { DonorStatementService } from './donor-statement.service';
import { ContributionsReport, groupColumns, parseGroupBy } from './domain/contributions';
import { day, periodOf, startOfYear } from './domain/period';
import { FundStatement, statementLines } from './domain/statement';
import {
  ContributionsReportQuery,
  DonorStatementQuery,
  GrantsReportQuery,
  ImpactQuery,
  ImpactReportView,
  StatementQuery,
} from './dto/reports.dto';
import {
  GRANT_GROUPS,
  GrantGroupRow,
  groupColumnsOf,
  IMPACT_GROUPS,
  parseGroups,
} from './domain/grants-report';
import { GrantsReport, GrantsReportService, ImpactReport } from './grants-report.service';
import { EXPORT_TYPES, exportFile } from './export/export';
import { Column } from './export/table';
import { donorStatementPdf, fundStatementPdf } from './pdf/statement-pdf';
import { StatementService } from './statement.service';

@ApiTags('reports')
@Controller('funds')
export class FundStatementController {
  constructor(
    private readonly statements: StatementService,
    private readonly clock: Clock,
  ) {}

  /** The balance statement for a period: opening, movements by kind, closing, progress to the target. */
  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/statement')
  @ApiProduces('application/json', EXPORT_TYPES.csv, EXPORT_TYPES.xlsx, 'application/pdf')
  async statement(
    @IdParam('id', 'fund') id: string,
    @Query() query: StatementQuery,
    @CurrentActor() actor: Actor,
  ): Promise<FundStatement | StreamableFile> {
    const period = periodOf(query, this.clock.now(), startOfYear);
    const s = await this.statements.statement(id, period, actor);
    const file = `statement-${s.fundCode}-${day(period.from) || 'start'}-${day(period.to)}`;
    switch (query.format ?? 'json') {
      case 'json':
        return s;
      case 'pdf':
        return new StreamableFile(fundStatementPdf(s), {
          type: 'application/pdf',
          disposition: `attachment; filename="${file}.pdf"`,
        });
      default: {
        const lines = [
          ...statementLines(s),
          {
            section: 'target',
            key: 'progress',
            label: 'Progress toward the target',
            amount: s.progress,
            currency: '',
          },
        ];
        const columns: Column<(typeof lines)[number]>[] = [
          { key: 'section', header: 'section', type: 'text' },
          { key: 'key', header: 'key', type: 'text' },
          { key: 'label', header: 'label', type: 'text' },
          { key: 'amount', header: 'amount', type: 'money' },
          { key: 'currency', header: 'currency', type: 'text' },
        ];
        return exportFile({ name: 'Statement', columns, rows: lines }, query.format as 'csv' | 'xlsx', file);
      }
    }
  }
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly contributions: ContributionsReportService,
    private readonly grantsReports: GrantsReportService,
    private readonly clock: Clock,
  ) {}

  /** Grants by country, service and/or call; a grant in several countries or services is shared equally. */
  @Roles('fund_manager', 'finance', 'admin')
  @Get('grants')
  @ApiProduces('application/json', EXPORT_TYPES.csv, EXPORT_TYPES.xlsx)
  async grantsReport(
    @Query() query: GrantsReportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<GrantsReport | StreamableFile> {
    const groupBy = parseGroups(query.groupBy, GRANT_GROUPS);
    if (typeof groupBy === 'string') throw new InvalidInputError('groupBy', groupBy);
    const report = await this.grantsReports.grants(query.fundId, groupBy, actor);
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    type Row = GrantGroupRow & { currency: string };
    const columns: Column<Row>[] = [
      ...groupColumnsOf(groupBy).map((key) => ({ key, header: key, type: 'text' as const })),
      { key: 'count', header: 'count', type: 'integer' },
      { key: 'committed', header: 'committed', type: 'money' },
      { key: 'disbursed', header: 'disbursed', type: 'money' },
      { key: 'returned', header: 'returned', type: 'money' },
      { key: 'outstanding', header: 'outstanding', type: 'money' },
      { key: 'currency', header: 'currency', type: 'text' },
    ];
    const rows: Row[] = report.items.map((i) => ({ ...i, currency: report.currency }));
    return exportFile({ name: 'Grants', columns, rows }, format, `grants-${day(this.clock.now())}`);
  }

  /** Victims assisted, from accepted reports only, by year, service and/or country. */
  @Roles('fund_manager', 'finance', 'admin', 'donor')
  @Get('impact')
  impact(@Query() query: ImpactQuery, @CurrentActor() actor: Actor): Promise<ImpactReport> {
    const groupBy = parseGroups(query.groupBy, IMPACT_GROUPS);
    if (typeof groupBy === 'string') throw new InvalidInputError('groupBy', groupBy);
    return this.grantsReports.impact(query.fundId, groupBy, actor);
  }

  /** Contributions by donor, donor type and year; shares of the total; reversed contributions left out. */
  @Roles('fund_manager', 'finance', 'admin')
  @Get('contributions')
  @ApiProduces('application/json', EXPORT_TYPES.csv, EXPORT_TYPES.xlsx)
  async contributionsReport(
    @Query() query: ContributionsReportQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ContributionsReport | StreamableFile> {
    const groupBy = parseGroupBy(query.groupBy);
    if (typeof groupBy === 'string') throw new InvalidInputError('groupBy', groupBy);
    const period = periodOf(query, this.clock.now(), () => null);
    const report = await this.contributions.report(query.fundId, groupBy, period, actor);
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    type Row = (typeof report.items)[number] & { currency: string };
    const columns: Column<Row>[] = [
      ...groupColumns(groupBy).map((key) => ({
        key,
        header: key,
        type: key === 'year' ? ('integer' as const) : ('text' as const),
      })),
      { key: 'amount', header: 'amount', type: 'money' },
      { key: 'currency', header: 'currency', type: 'text' },
      { key: 'count', header: 'count', type: 'integer' },
      { key: 'share', header: 'share', type: 'ratio' },
    ];
    const rows: Row[] = report.items.map((i) => ({ ...i, currency: report.currency }));
    return exportFile(
      { name: 'Contributions', columns, rows },
      format,
      `contributions-${day(period.from) || 'start'}-${day(period.to)}`,
    );
  }
}

@ApiTags('reports')
@Controller('donors')
export class DonorStatementController {
  constructor(
    private readonly statements: DonorStatementService,
    private readonly clock: Clock,
  ) {}

  /** The donor's statement of contributions with receipt numbers, for a year or any range, as a PDF. */
  @Roles('finance', 'donor')
  @Get(':id/statement')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async statement(
    @IdParam('id', 'donor') id: string,
    @Query() query: DonorStatementQuery,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const period = periodOf(query, this.clock.now(), () => null);
    const s = await this.statements.statement(id, period, actor);
    return new StreamableFile(donorStatementPdf(s), {
      type: 'application/pdf',
      disposition: `inline; filename="statement-${day(period.from) || 'start'}-${day(period.to)}.pdf"`,
    });
  }
}

@ApiTags('reports')
@Controller('public')
export class PublicImpactController {
  constructor(private readonly grantsReports: GrantsReportService) {}

  /** The fund's public impact figures: aggregates of accepted reports, no organization named. */
  @Public()
  @Get('impact')
  @ApiOkResponse({ type: ImpactReportView })
  impact(@Query() query: ImpactQuery): Promise<ImpactReport> {
    const groupBy = parseGroups(query.groupBy, IMPACT_GROUPS);
    if (typeof groupBy === 'string') throw new InvalidInputError('groupBy', groupBy);
    return this.grantsReports.impact(query.fundId, groupBy, null);
  }
}
