import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';
import { ApplicationView } from './application.dto';

export class ApplicationPage extends PageOf(ApplicationView) {
  @ApiProperty({
    type: 'integer',
    required: false,
    description: 'How many applications match the filters across all pages (given with a callId)',
  })
  total?: number;
}
