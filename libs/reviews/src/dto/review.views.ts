import { PageOf } from '@app/core';
import { AssignmentView } from './review.dto';

export class AssignmentPage extends PageOf(AssignmentView) {}
