import { PageOf } from '@app/core';
import { ApplicationView } from './application.dto';

export class ApplicationPage extends PageOf(ApplicationView) {}
