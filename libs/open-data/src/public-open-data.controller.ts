import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiFileResponse } from '@app/core';
import { Public } from '@app/identity';
import { FundQuery, OptionalFundQuery, PublicCallsView } from './dto/open-data.dto';
import { FeedsService } from './feeds.service';
import { IatiService } from './iati.service';

export const MEDIA = {
  xml: 'application/xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

const NOT_MODIFIED = { status: 304, description: 'Not modified: the `If-None-Match` ETag still matches' };

/**
 * Open data without sign-in (issue 19): the IATI files, the open calls as JSON and Atom, and the CSV
 * downloads. Every answer carries an ETag and Cache-Control and is 304 on a matching If-None-Match
 * (apps/api/src/http/public-cache.ts, for every /api/public route).
 */
@ApiTags('open data')
@Public()
@Controller('public')
export class PublicOpenDataController {
  constructor(
    private readonly iati: IatiService,
    private readonly feeds: FeedsService,
  ) {}

  @Get('iati/activities.xml')
  @Header('content-type', MEDIA.xml)
  @ApiOperation({
    operationId: 'getIatiActivities',
    summary: "The fund's grants as an IATI 2.03 activity file",
    description:
      'One iati-activity per grant from approval on, valid against the IATI 2.03 activity schema; byte-identical ' +
      "for the same data (generated-datetime is the data's latest change). Sensitive grants follow the fund's policy.",
  })
  @ApiFileResponse(['application/xml'], { description: 'the iati-activities document' })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  @ApiConflictResponse({
    description: '/problems/iati-identifier-unset: the fund has no IATI identifier yet',
  })
  async activities(@Query() q: FundQuery): Promise<string> {
    return (await this.iati.activitiesFile(q.fundId)).xml;
  }

  @Get('iati/organisation.xml')
  @Header('content-type', MEDIA.xml)
  @ApiOperation({
    operationId: 'getIatiOrganisation',
    summary: "The fund's IATI 2.03 organisation file",
    description:
      'Total budget and expenditure per year and recipient-country budgets, valid against the IATI 2.03 ' +
      'organisation schema; byte-identical for the same data.',
  })
  @ApiFileResponse(['application/xml'], { description: 'the iati-organisations document' })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  @ApiConflictResponse({
    description: '/problems/iati-identifier-unset: the fund has no IATI identifier yet',
  })
  async organisation(@Query() q: FundQuery): Promise<string> {
    return (await this.iati.organisationFile(q.fundId)).xml;
  }

  @Get('calls')
  @ApiOperation({
    operationId: 'getPublicOpenCalls',
    summary: 'The calls open for applications now',
    description: 'For other sites to embed: every open call (or those of one fund), soonest deadline first.',
  })
  @ApiOkResponse({ type: PublicCallsView })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  async calls(@Query() q: OptionalFundQuery): Promise<PublicCallsView> {
    return { items: await this.feeds.openCalls(q.fundId) };
  }

  @Get('calls.atom')
  @Header('content-type', MEDIA.atom)
  @ApiOperation({
    operationId: 'getPublicOpenCallsAtom',
    summary: 'The open calls as an Atom feed',
    description: 'The same calls as `GET /api/public/calls`, one Atom entry each.',
  })
  @ApiFileResponse(['application/atom+xml'], { description: 'an Atom 1.0 feed' })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  callsAtom(@Query() q: OptionalFundQuery): Promise<string> {
    return this.feeds.openCallsAtom(q.fundId);
  }

  @Get('contributions.csv')
  @Header('content-type', MEDIA.csv)
  @Header('content-disposition', 'attachment; filename="contributions-by-donor-and-year.csv"')
  @ApiOperation({
    operationId: 'getPublicContributionsCsv',
    summary: 'Contributions by donor and year (CSV)',
    description:
      'Contributions received, in USD, by donor and year: member states by name, private donors by name only ' +
      'with their consent, the others summed as "private donors".',
  })
  @ApiFileResponse(['text/csv'], { description: 'year, donor, donor_type, amount, currency' })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  contributions(@Query() q: OptionalFundQuery): Promise<string> {
    return this.feeds.contributionsCsv(q.fundId);
  }

  @Get('grants.csv')
  @Header('content-type', MEDIA.csv)
  @Header('content-disposition', 'attachment; filename="grants-by-country-and-service.csv"')
  @ApiOperation({
    operationId: 'getPublicGrantsCsv',
    summary: 'Grants by country and service (CSV)',
    description:
      "A fund's grants by country and service in its currency (a grant in several countries or services is " +
      'shared equally); no NGO is named.',
  })
  @ApiFileResponse(['text/csv'], {
    description: 'country, service, grants, committed, disbursed, returned, currency',
  })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  grants(@Query() q: FundQuery): Promise<string> {
    return this.feeds.grantsCsv(q.fundId);
  }
}
