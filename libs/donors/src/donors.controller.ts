import { Body, Controller, Get, Headers, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { Actor, IdempotencyClaim } from '@app/core';
import { ApiFileResponse, DocumentQuery, IdParam, Idempotent, IdempotencyKey, PageQuery } from '@app/core';
import { CurrentActor, Roles, UsersService } from '@app/identity';
import { ContributionsService } from './contributions.service';
import { DonorsService } from './donors.service';
import { documentReader } from './receipts/document-reader';
import { ReceiptsService, YEAR_ARCHIVE_MAX } from './receipts/receipts.service';
import {
  ContributionQuery,
  ContributionView,
  CreateContributionDto,
  CreateDonorDto,
  CreatePledgeDto,
  DonorView,
  PledgeView,
  ReverseContributionDto,
} from './dto/donors.dto';
import { ContributionPage, DonorPage, PledgePage } from './dto/donors.views';

class PledgeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  donorId?: string;
}

class ReceiptsYearQuery {
  @ApiProperty({ description: 'the calendar year (UTC) the contributions were received in', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;
}

@ApiTags('donors')
@Controller('donors')
export class DonorsController {
  constructor(
    private readonly donors: DonorsService,
    private readonly receipts: ReceiptsService,
    private readonly users: UsersService,
  ) {}

  @Roles('finance', 'admin')
  @Post()
  @ApiOperation({
    operationId: 'createDonor',
    summary: 'Create a donor',
    description: 'A member state or a private donor.',
  })
  @ApiCreatedResponse({ type: DonorView })
  @ApiConflictResponse({ description: 'A donor with this name exists' })
  create(@Body() dto: CreateDonorDto, @CurrentActor() actor: Actor): Promise<DonorView> {
    return this.donors.create(dto, actor);
  }

  @Roles('finance', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listDonors',
    summary: 'List donors',
    description: 'Donors, a page at a time.',
  })
  @ApiOkResponse({ type: DonorPage })
  list(@Query() query: PageQuery) {
    return this.donors.list(query);
  }

  @Roles('finance', 'donor')
  @Get(':id/receipts')
  @ApiOperation({
    operationId: 'getDonorReceipts',
    summary: "A year of a donor's receipts",
    description:
      `Every receipt of the contributions a donor made in a calendar year, one PDF each (void ones marked), ` +
      `in one ZIP (at most ${YEAR_ARCHIVE_MAX}). A donor reads its own only; another donor's is 404.`,
  })
  @ApiFileResponse(['application/zip'], { description: 'The receipts, receipt-<number>.pdf each' })
  async yearReceipts(
    @IdParam('id', 'donor') id: string,
    @Query() query: ReceiptsYearQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const reader = await documentReader(this.users, actor, undefined, acceptLanguage);
    return this.receipts.yearArchive(id, query.year, actor, reader);
  }
}

@ApiTags('donors')
@Controller('pledges')
export class PledgesController {
  constructor(private readonly donors: DonorsService) {}

  @Roles('finance')
  @Post()
  @ApiOperation({
    operationId: 'createPledge',
    summary: 'Record a pledge',
    description: "A donor's promise to give, in its currency, with the amount in the fund's currency.",
  })
  @ApiCreatedResponse({ type: PledgeView })
  @ApiUnprocessableEntityResponse({
    description: 'No exchange rate for the currency on that day, or an unknown donor or fund',
  })
  create(@Body() dto: CreatePledgeDto, @CurrentActor() actor: Actor): Promise<PledgeView> {
    return this.donors.pledge(dto, actor);
  }

  @Roles('finance', 'donor')
  @Get()
  @ApiOperation({
    operationId: 'listPledges',
    summary: 'List pledges',
    description: 'Pledges with what was received against them; a donor sees its own.',
  })
  @ApiOkResponse({ type: PledgePage })
  list(@Query() query: PledgeQuery, @CurrentActor() actor: Actor) {
    return this.donors.pledges(query, actor);
  }
}

@ApiTags('donors')
@Controller('contributions')
export class ContributionsController {
  constructor(
    private readonly contributions: ContributionsService,
    private readonly receipts: ReceiptsService,
    private readonly users: UsersService,
  ) {}

  @Roles('finance')
  @Post()
  @Idempotent()
  @ApiUnprocessableEntityResponse({
    description:
      '/problems/exchange-rate-missing, or /problems/rate-stale when the newest rate is older than the fund allows (rateMaxAgeDays)',
  })
  @ApiOperation({
    operationId: 'createContribution',
    summary: 'Record a contribution',
    description: 'Money received from a donor, posted in the ledger with a receipt number.',
  })
  @ApiCreatedResponse({ type: ContributionView })
  receive(
    @Body() dto: CreateContributionDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ): Promise<ContributionView> {
    return this.contributions.receive(dto, actor, claim);
  }

  @Roles('finance')
  @Post(':id/reverse')
  @Idempotent()
  @ApiConflictResponse({ description: 'already reversed, or /problems/insufficient-funds' })
  @ApiOperation({
    operationId: 'reverseContribution',
    summary: 'Reverse a contribution',
    description: 'Reverses a contribution recorded in error; its receipt becomes void.',
  })
  @ApiCreatedResponse({ type: ContributionView })
  reverse(
    @IdParam('id', 'contribution') id: string,
    @Body() dto: ReverseContributionDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() claim: IdempotencyClaim,
  ): Promise<ContributionView> {
    return this.contributions.reverse(id, dto, actor, claim);
  }

  @Roles('finance', 'donor')
  @Get()
  @ApiOperation({
    operationId: 'listContributions',
    summary: 'List contributions',
    description: 'Contributions, newest first; a donor sees its own.',
  })
  @ApiOkResponse({ type: ContributionPage })
  list(@Query() query: ContributionQuery, @CurrentActor() actor: Actor) {
    return this.contributions.list(query, actor);
  }

  @Roles('finance', 'donor')
  @Get(':id')
  @ApiOperation({
    operationId: 'getContribution',
    summary: 'Get a contribution',
    description: 'One contribution by id.',
  })
  @ApiOkResponse({ type: ContributionView })
  get(@IdParam('id', 'contribution') id: string, @CurrentActor() actor: Actor): Promise<ContributionView> {
    return this.contributions.get(id, actor);
  }

  @Roles('finance', 'donor')
  @Get(':id/receipt')
  @ApiOperation({
    operationId: 'getContributionReceipt',
    summary: 'The receipt of a contribution',
    description:
      "The receipt as a tagged PDF in the reader's language (`lang`, else Accept-Language, else the profile), " +
      'English beside it, with a verification QR code; marked VOID once the contribution is reversed.',
  })
  @ApiFileResponse(['application/pdf'], { description: 'The receipt' })
  async receipt(
    @IdParam('id', 'contribution') id: string,
    @Query() query: DocumentQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const reader = await documentReader(this.users, actor, query.lang, acceptLanguage);
    return this.receipts.receipt(id, actor, reader);
  }
}
