import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
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
import { AssignmentPage, CallAssignmentList, ReviewerLoadList } from './dto/review.views';
import { ReviewerLoadService } from './reviewer-load.service';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly loads: ReviewerLoadService,
  ) {}

  @Roles('fund_manager')
  @Get('calls/:id/reviewers')
  @ApiOkResponse({ type: ReviewerLoadList })
  @ApiOperation({
    operationId: 'listCallReviewers',
    summary: 'Reviewers to assign, with their load',
    description:
      'The active reviewers by name, each with their open assignments, reviews submitted and conflicts ' +
      'declared (over all calls), and the applications of this call they declared a conflict on.',
  })
  reviewers(@IdParam('id', 'call') id: string, @CurrentActor() actor: Actor): Promise<ReviewerLoadList> {
    return this.loads.reviewers(id, actor);
  }

  @Roles('fund_manager')
  @Get('calls/:id/assignments')
  @ApiOkResponse({ type: CallAssignmentList })
  @ApiOperation({
    operationId: 'listCallAssignments',
    summary: "A call's review assignments",
    description: 'Every assignment of the call, oldest first, with its status, scores and conflict reason.',
  })
  callAssignments(
    @IdParam('id', 'call') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<CallAssignmentList> {
    return this.loads.assignments(id, actor);
  }

  @Roles('fund_manager')
  @Post('applications/:id/assignments')
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiOperation({
    operationId: 'assignReviewer',
    summary: 'Assign a reviewer to an application',
    description: 'Assigns a reviewer to an eligible application; the call moves to under review.',
  })
  @ApiConflictResponse({ description: 'The reviewer is assigned already' })
  @ApiUnprocessableEntityResponse({
    description: 'The application is not eligible, or the user is not a reviewer',
  })
  assign(
    @IdParam('id', 'application') id: string,
    @Body() dto: AssignReviewerDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentView> {
    return this.reviews.assign(id, dto.reviewerId, actor);
  }

  @Roles('reviewer')
  @Get('assignments')
  @ApiOperation({
    operationId: 'listMyAssignments',
    summary: "The reviewer's assignments",
    description: 'The assignments of the calling reviewer, newest first.',
  })
  @ApiOkResponse({ type: AssignmentPage })
  mine(@Query() query: AssignmentQuery, @CurrentActor() actor: Actor) {
    return this.reviews.mine(query, actor);
  }

  @Roles('reviewer')
  @Post('assignments/:id/conflict')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentView })
  @ApiOperation({
    operationId: 'declareConflict',
    summary: 'Declare a conflict of interest',
    description: 'The reviewer declines an assignment; it no longer counts in the ranking.',
  })
  @ApiConflictResponse({ description: 'The assignment was submitted already' })
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
  @ApiOperation({
    operationId: 'scoreAssignment',
    summary: 'Save scores',
    description:
      "Saves the reviewer's score and comment for every rubric criterion (a draft until submitted).",
  })
  @ApiConflictResponse({ description: 'The assignment was submitted or declared a conflict' })
  @ApiUnprocessableEntityResponse({ description: "The scores do not match the call's rubric" })
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
  @ApiOperation({
    operationId: 'submitAssignment',
    summary: 'Submit a review',
    description: 'Submits a fully scored assignment; it then counts in the ranking.',
  })
  @ApiConflictResponse({ description: 'The assignment was submitted or declared a conflict' })
  @ApiUnprocessableEntityResponse({ description: 'Some criterion has no score' })
  submit(@IdParam('id', 'assignment') id: string, @CurrentActor() actor: Actor): Promise<AssignmentView> {
    return this.reviews.submit(id, actor);
  }

  @Roles('fund_manager')
  @Get('calls/:id/ranking')
  @ApiOkResponse({ type: RankingView })
  @ApiOperation({
    operationId: 'getCallRanking',
    summary: "A call's ranking",
    description:
      'Eligible applications by mean review score, with reviewer count and spread; wide spreads are flagged.',
  })
  ranking(
    @IdParam('id', 'call') id: string,
    @Query() query: RankingQuery,
    @CurrentActor() actor: Actor,
  ): Promise<RankingView> {
    return this.reviews.ranking(id, query.threshold, actor);
  }
}
