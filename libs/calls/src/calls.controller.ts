import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Public, Roles } from '@app/identity';
import { CallDraftsService } from './call-drafts.service';
import { CallQueriesService } from './call-queries.service';
import { CallsService } from './calls.service';
import { CallQuery, CallTransitionView, CallView, CreateCallDto, UpdateCallDto } from './dto/call.dto';
import { CallPage } from './dto/call.views';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly drafts: CallDraftsService,
    private readonly queries: CallQueriesService,
  ) {}

  @Roles('fund_manager')
  @Post()
  @ApiOperation({
    operationId: 'createCall',
    summary: 'Create a call for proposals',
    description: 'A draft call of a fund; complete it before publishing.',
  })
  @ApiCreatedResponse({ type: CallView })
  create(@Body() dto: CreateCallDto, @CurrentActor() actor: Actor): Promise<CallView> {
    return this.drafts.create(dto, actor);
  }

  @Roles('fund_manager')
  @Patch(':id')
  @ApiOperation({
    operationId: 'updateCall',
    summary: 'Update a call',
    description: 'Changes a draft call (and a few fields of a published one).',
  })
  @ApiOkResponse({ type: CallView })
  @ApiConflictResponse({ description: 'The call can no longer be changed, or its rubric is frozen' })
  update(
    @IdParam('id', 'call') id: string,
    @Body() dto: UpdateCallDto,
    @CurrentActor() actor: Actor,
  ): Promise<CallView> {
    return this.drafts.update(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: CallTransitionView })
  @ApiOperation({
    operationId: 'publishCall',
    summary: 'Publish a call',
    description: 'Makes a complete draft call public, before it opens for applications.',
  })
  @ApiConflictResponse({ description: 'The call is not a draft' })
  @ApiUnprocessableEntityResponse({ description: 'The call is incomplete' })
  publish(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallTransitionView> {
    return this.calls.transition(id, 'publish', actor);
  }

  @Roles('fund_manager')
  @Post(':id/open')
  @HttpCode(200)
  @ApiOkResponse({
    type: CallTransitionView,
    description: '`warnings` says when the fund is below its new-call target',
  })
  @ApiOperation({
    operationId: 'openCall',
    summary: 'Open a call',
    description: 'Opens a published call for applications until its deadline.',
  })
  @ApiConflictResponse({ description: 'The call is not published' })
  open(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallTransitionView> {
    return this.calls.transition(id, 'open', actor);
  }

  @Roles('fund_manager')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CallTransitionView })
  @ApiOperation({
    operationId: 'closeCall',
    summary: 'Close a call',
    description: 'Stops taking applications before or at the deadline.',
  })
  @ApiConflictResponse({ description: 'The call is not open' })
  close(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallTransitionView> {
    return this.calls.transition(id, 'close', actor);
  }

  @Public()
  @Get()
  @ApiOperation({
    operationId: 'listCalls',
    summary: 'List calls for proposals',
    description: 'Public: published and open calls; staff also see drafts.',
  })
  @ApiOkResponse({ type: CallPage })
  list(@Query() query: CallQuery, @CurrentActor() actor: Actor) {
    return this.queries.list(query, actor);
  }

  @Public()
  @Get(':id')
  @ApiOperation({
    operationId: 'getCall',
    summary: 'Get a call',
    description: 'One call by id (drafts only for staff).',
  })
  @ApiOkResponse({ type: CallView })
  get(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallView> {
    return this.queries.view(id, actor);
  }
}
