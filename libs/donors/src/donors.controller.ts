import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor, IdempotencyClaim } from '@app/core';
import { IdParam, Idempotent, IdempotencyKey, PageQuery } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { ContributionsService } from './contributions.service';
import { DonorsService } from './donors.service';
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

@ApiTags('donors')
@Controller('donors')
export class DonorsController {
  constructor(private readonly donors: DonorsService) {}

  @Roles('finance', 'admin')
  @Post()
  create(@Body() dto: CreateDonorDto, @CurrentActor() actor: Actor): Promise<DonorView> {
    return this.donors.create(dto, actor);
  }

  @Roles('finance', 'admin')
  @Get()
  list(@Query() query: PageQuery) {
    return this.donors.list(query);
  }
}

@ApiTags('donors')
@Controller('pledges')
export class PledgesController {
  constructor(private readonly donors: DonorsService) {}

  @Roles('finance')
  @Post()
  create(@Body() dto: CreatePledgeDto, @CurrentActor() actor: Actor): Promise<PledgeView> {
    return this.donors.pledge(dto, actor);
  }

  @Roles('finance', 'donor')
  @Get()
  list(@Query() query: PledgeQuery, @CurrentActor() actor: Actor) {
    return this.donors.pledges(query, actor);
  }
}

@ApiTags('donors')
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Roles('finance')
  @Post()
  @Idempotent()
  @ApiUnprocessableEntityResponse({
    description:
      '/problems/exchange-rate-missing, or /problems/rate-stale when the newest rate is older than the fund allows (rateMaxAgeDays)',
  })
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
  list(@Query() query: ContributionQuery, @CurrentActor() actor: Actor) {
    return this.contributions.list(query, actor);
  }

  @Roles('finance', 'donor')
  @Get(':id')
  get(@IdParam('id', 'contribution') id: string, @CurrentActor() actor: Actor): Promise<ContributionView> {
    return this.contributions.get(id, actor);
  }

  @Roles('finance', 'donor')
  @Get(':id/receipt')
  @ApiProduces('application/pdf')
  receipt(@IdParam('id', 'contribution') id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    return this.contributions.receipt(id, actor);
  }
}
