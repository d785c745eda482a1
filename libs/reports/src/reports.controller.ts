import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { ApiFileResponse, Clock, currencyExponent, IdParam, InvalidInputError } from '@app/core';
import { documentReader } from '@app/donors';
import { FundLogoService } from '@app/funds';
import { CurrentActor, Public, Roles, UsersService } from '@app/identity';
import { ContributionsReportService } from './contributions-report.service';
import { DonorStatementService } from './donor-statement.service';
import { ContributionsReport, groupColumns, parseGroupBy } from './domain/contributions';
import { day, periodOf, startOfYear } from './domain/period';
import { FundStatement, StatementLine, statementLines } from './domain/statement';
import {
  ContributionsReportQuery,
  DonorStatementQuery,
  GrantsReportQuery,
  ImpactQuery,
  StatementQuery,
} from './dto/reports.dto';
import {
  GRANT_GROUPS,
  GrantGroupRow,
  groupColumnsOf,
  IMPACT_GROUPS,
  parseGroups,
} from './domain/grants-report';
import { GrantsReport, GrantsReportService, ImpactReport, PublicImpactReport } from './grants-report.service';
import { ImpactReportView, PublicImpactReportView } from './dto/impact.view';
import { EXPORT_TYPES, exportFile } from './export/export';
import { Column } from './export/table';
import { DocumentContext, donorStatementPdf, fundStatementPdf } from './pdf/statement-pdf';
import { StatementService } from './statement.service';
import { ContributionsReportView, FundStatementView, GrantsReportView } from './dto/reports.views';

@ApiTags('reports')
@Controller('funds')
export class FundStatementController {
  constructor(
    private readonly statements: StatementService,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly logos: FundLogoService,
  ) {}

  /** The PDF's reader: language and name (issue 22). */
  private async context(actor: Actor, lang?: string, acceptLanguage?: string): Promise<DocumentContext> {
    const reader = await documentReader(this.users, actor, lang, acceptLanguage);
    return { locale: reader.locale, generatedBy: reader.name, generatedAt: this.clock.now() };
  }

  /** The balance statement for a period: opening, movements by kind, closing, progress to the target. */
  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/statement')
  @ApiOperation({
    operationId: 'getFundStatement',
    summary: "A fund's balance statement",
    description:
      'Opening, movements by kind, closing and progress to the target for a period; `format` picks JSON, CSV, XLSX or PDF.',
  })
  @ApiFileResponse([EXPORT_TYPES.csv, EXPORT_TYPES.xlsx, 'application/pdf'], {
    json: FundStatementView,
    description: 'The statement as JSON, or as a file when `format` asks for one',
  })
  async statement(
    @IdParam('id', 'fund') id: string,
    @Query() query: StatementQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<FundStatement | StreamableFile> {
    const period = periodOf(query, this.clock.now(), startOfYear);
    const s = await this.statements.statement(id, period, actor);
    const file = `statement-${s.fundCode}-${day(period.from) || 'start'}-${day(period.to)}`;
    switch (query.format ?? 'json') {
      case 'json':
        return s;
      case 'pdf':
        return new StreamableFile(
          fundStatementPdf(s, {
            ...(await this.context(actor, query.lang, acceptLanguage)),
            logo: await this.logos.letterhead(id),
          }),
          {
            type: 'application/pdf',
            disposition: `attachment; filename="${file}.pdf"`,
          },
        );
      default: {
        // One column per kind of figure, each with its own number format: money in `amount`, the progress
        // ratio (1 = 100%) in `ratio`, so a spreadsheet shows neither as the other.
        type Line = Omit<StatementLine, 'amount'> & { amount: number | null; ratio: number | null };
        const lines: Line[] = [
          ...statementLines(s).map((l) => ({ ...l, ratio: null })),
          {
            section: 'target',
            key: 'progress',
            label: 'Progress toward the target',
            amount: null,
            currency: '',
            ratio: s.progress,
          },
        ];
        const minorDigits = currencyExponent(s.currency);
        const columns: Column<Line>[] = [
          { key: 'section', header: 'section', type: 'text' },
          { key: 'key', header: 'key', type: 'text' },
          { key: 'label', header: 'label', type: 'text' },
          { key: 'amount', header: 'amount', type: 'money', minorDigits },
          { key: 'currency', header: 'currency', type: 'text' },
          { key: 'ratio', header: 'ratio', type: 'ratio' },
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
  @ApiOperation({
    operationId: 'getGrantsReport',
    summary: 'Grants report',
    description:
      'Grants of a fund by country, service and/or call; a grant in several countries or services is shared equally.',
  })
  @ApiFileResponse([EXPORT_TYPES.csv, EXPORT_TYPES.xlsx], {
    json: GrantsReportView,
    description: 'The report as JSON, or as a file when `format` asks for one',
  })
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
    const minorDigits = currencyExponent(report.currency);
    const columns: Column<Row>[] = [
      ...groupColumnsOf(groupBy).map((key) => ({ key, header: key, type: 'text' as const })),
      { key: 'count', header: 'count', type: 'integer' },
      { key: 'committed', header: 'committed', type: 'money', minorDigits },
      { key: 'disbursed', header: 'disbursed', type: 'money', minorDigits },
      { key: 'returned', header: 'returned', type: 'money', minorDigits },
      { key: 'outstanding', header: 'outstanding', type: 'money', minorDigits },
      { key: 'currency', header: 'currency', type: 'text' },
    ];
    const rows: Row[] = report.items.map((i) => ({ ...i, currency: report.currency }));
    return exportFile({ name: 'Grants', columns, rows }, format, `grants-${day(this.clock.now())}`);
  }

  /** Victims assisted, from accepted reports only, by year, service and/or country. */
  @Roles('fund_manager', 'finance', 'admin', 'donor')
  @Get('impact')
  @ApiOperation({
    operationId: 'getImpactReport',
    summary: 'Impact report',
    description: 'Victims assisted, from accepted reports only, by year, service and/or country.',
  })
  @ApiOkResponse({ type: ImpactReportView })
  impact(@Query() query: ImpactQuery, @CurrentActor() actor: Actor): Promise<ImpactReport> {
    const groupBy = parseGroups(query.groupBy, IMPACT_GROUPS);
    if (typeof groupBy === 'string') throw new InvalidInputError('groupBy', groupBy);
    return this.grantsReports.impact(query.fundId, groupBy, actor);
  }

  /** Contributions by donor, donor type and year; shares of the total; reversed contributions left out. */
  @Roles('fund_manager', 'finance', 'admin')
  @Get('contributions')
  @ApiOperation({
    operationId: 'getContributionsReport',
    summary: 'Contributions report',
    description:
      'Contributions by donor, donor type and year with shares of the total; reversed contributions left out.',
  })
  @ApiFileResponse([EXPORT_TYPES.csv, EXPORT_TYPES.xlsx], {
    json: ContributionsReportView,
    description: 'The report as JSON, or as a file when `format` asks for one',
  })
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
    const minorDigits = currencyExponent(report.currency);
    const columns: Column<Row>[] = [
      ...groupColumns(groupBy).map((key) => ({
        key,
        header: key,
        type: key === 'year' ? ('integer' as const) : ('text' as const),
      })),
      { key: 'amount', header: 'amount', type: 'money', minorDigits },
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
    private readonly users: UsersService,
  ) {}

  /** The donor's statement of contributions with receipt numbers, for a year or any range, as a PDF. */
  @Roles('finance', 'donor')
  @Get(':id/statement')
  @ApiOperation({
    operationId: 'getDonorStatement',
    summary: "A donor's statement",
    description:
      'The contributions of a donor with their receipt numbers, for a year or any range, as a PDF.',
  })
  @ApiFileResponse(['application/pdf'], { description: 'The statement' })
  async statement(
    @IdParam('id', 'donor') id: string,
    @Query() query: DonorStatementQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const period = periodOf(query, this.clock.now(), () => null);
    const s = await this.statements.statement(id, period, actor);
    const reader = await documentReader(this.users, actor, query.lang, acceptLanguage);
    const ctx = { locale: reader.locale, generatedBy: reader.name, generatedAt: this.clock.now() };
    return new StreamableFile(donorStatementPdf(s, ctx), {
      type: 'application/pdf',
      disposition: `inline; filename="statement-${day(period.from) || 'start'}-${day(period.to)}.pdf"`,
    });
  }
}

@ApiTags('reports')
@Controller('public')
export class PublicImpactController {
  constructor(private readonly grantsReports: GrantsReportService) {}

  /**
   * The fund's public impact figures: aggregates of accepted reports, no organization named, cells under 5
   * shown as "<5" and every other figure rounded to a multiple of 5, so no hidden cell can be recovered.
   */
  @Public()
  @Get('impact')
  @ApiOperation({
    operationId: 'getPublicImpact',
    summary: 'Public impact figures',
    description:
      'Victims assisted by year, service and/or country, from accepted reports; no organization named. ' +
      'Cells under 5 are shown as "<5" and every other figure is rounded to a multiple of 5.',
  })
  @ApiOkResponse({ type: PublicImpactReportView, description: 'small cells suppressed, the rest rounded' })
  publicImpact(@Query() query: ImpactQuery): Promise<PublicImpactReport> {
    const groupBy = parseGroups(query.groupBy, IMPACT_GROUPS);
    if (typeof groupBy === 'string') throw new InvalidInputError('groupBy', groupBy);
    return this.grantsReports.publicImpact(query.fundId, groupBy);
  }
}
