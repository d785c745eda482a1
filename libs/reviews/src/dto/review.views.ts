import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';
import { AssignmentView } from './review.dto';

export class AssignmentPage extends PageOf(AssignmentView) {}

/** A reviewer as a fund manager chooses one: their load and the conflicts they declared. */
export class ReviewerLoadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: 'integer', description: 'assignments not yet submitted nor declined, all calls' })
  open: number;
  @ApiProperty({ type: 'integer', description: 'reviews submitted, all calls' }) submitted: number;
  @ApiProperty({ type: 'integer', description: 'conflicts of interest declared, all calls' })
  conflicts: number;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'the applications of this call they declared a conflict on',
  })
  conflictApplicationIds: string[];
}

export class ReviewerLoadList {
  @ApiProperty({ type: [ReviewerLoadView] }) items: ReviewerLoadView[];
}

export class CallAssignmentList {
  @ApiProperty({ type: [AssignmentView] }) items: AssignmentView[];
}
