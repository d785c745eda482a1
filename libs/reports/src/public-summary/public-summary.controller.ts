import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { SummaryQuery } from './summary.query';
import { PublicSummaryService } from './public-summary.service';
import { PublicSummaryView } from './public-summary.view';

@ApiTags('reports')
@Controller('public')
export class PublicSummaryController {
  constructor(private readonly summaries: PublicSummaryService) {}

  @Public()
  @Get('summary')
  @ApiOperation({
    operationId: 'getPublicSummary',
    summary: "The fund's public summary",
    description:
      'For the home page, without sign-in: contributions received, grants committed and paid (USD minor ' +
      'units) and victims assisted (rounded like the public impact figures), for one fund or all together.',
  })
  @ApiOkResponse({ type: PublicSummaryView })
  @ApiNotFoundResponse({ description: 'No fund has this id' })
  summary(@Query() query: SummaryQuery): Promise<PublicSummaryView> {
    return this.summaries.summary(query.fundId);
  }
}
