import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Public, Roles } from '@app/identity';
import { CallsService } from './calls.service';
import {
  CallPage,
  CallQuery,
  CallTransitionView,
  CallView,
  CreateCallDto,
  UpdateCallDto,
} from './dto/call.dto';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Roles('fund_manager')
  @Post()
  create(@Body() dto: CreateCallDto, @CurrentActor() actor: Actor): Promise<CallView> {
    return this.calls.create(dto, actor);
  }

  @Roles('fund_manager')
  @Patch(':id')
  update(
    @IdParam('id', 'call') id: string,
    @Body() dto: UpdateCallDto,
    @CurrentActor() actor: Actor,
  ): Promise<CallView> {
    return this.calls.update(id, dto, actor);
  }

  @Roles('fund_manager')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: CallTransitionView })
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
  open(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallTransitionView> {
    return this.calls.transition(id, 'open', actor);
  }

  @Roles('fund_manager')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CallTransitionView })
  close(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallTransitionView> {
    return this.calls.transition(id, 'close', actor);
  }

  @Public()
  @Get()
  @ApiOkResponse({ type: CallPage })
  list(@Query() query: CallQuery, @CurrentActor() actor: Actor) {
    return this.calls.list(query, actor);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CallView })
  get(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<CallView> {
    return this.calls.view(id, actor);
  }
}
