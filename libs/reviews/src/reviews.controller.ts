import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import {
  AssignmentQuery,
  AssignmentView,
  AssignReviewerDto,
  ConflictDto,
  RankingQuery,
  RankingView,
  ScoresDto,
} from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Roles('fund_manager')
  @Post('applications/:id/assignments')
  @ApiCreatedResponse({ type: AssignmentView })
  assign(
    @IdParam('id', 'application') id: string,
    @Body() dto: AssignReviewerDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentView> {
    return this.reviews.assign(id, dto.reviewerId, actor);
  }

  @Roles('reviewer')
  @Get('assignments')
  mine(@Query() query: AssignmentQuery, @CurrentActor() actor: Actor) {
    return this.reviews.mine(query, actor);
  }

  @Roles('reviewer')
  @Post('assignments/:id/conflict')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentView })
  conflict(
    @IdParam('id', 'assignment') id: string,
    @Body() dto: ConflictDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentView> {
    return this.reviews.declareConflict(id, dto.reason, actor);
  }

  @Roles('reviewer')
  @Put('assignments/:id/scores')
  @ApiOkResponse({ type: AssignmentView })
  @ApiConflictResponse({
    description:
      '/problems/application-decided (the application is decided, withdrawn or ineligible), /problems/review-submitted or /problems/review-conflict',
  })
  score(
    @IdParam('id', 'assignment') id: string,
    @Body() dto: ScoresDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentView> {
    return this.reviews.score(id, dto, actor);
  }

  @Roles('reviewer')
  @Post('assignments/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentView })
  @ApiConflictResponse({
    description:
      '/problems/application-decided (the application is decided, withdrawn or ineligible), /problems/review-submitted or /problems/review-conflict',
  })
  submit(@IdParam('id', 'assignment') id: string, @CurrentActor() actor: Actor): Promise<AssignmentView> {
    return this.reviews.submit(id, actor);
  }

  @Roles('fund_manager')
  @Get('calls/:id/ranking')
  @ApiOkResponse({ type: RankingView })
  ranking(
    @IdParam('id', 'call') id: string,
    @Query() query: RankingQuery,
    @CurrentActor() actor: Actor,
  ): Promise<RankingView> {
    return this.reviews.ranking(id, query.threshold, actor);
  }
}
