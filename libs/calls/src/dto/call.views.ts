import { PageOf } from '@app/core';
import { CallView } from './call.dto';

export class CallPage extends PageOf(CallView) {}
