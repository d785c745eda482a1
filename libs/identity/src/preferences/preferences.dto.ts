import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LOCALES } from '../accounts/locales';
import type { Locale } from '../accounts/locales';
import { CHANNELS, NOTICE_KIND_NAMES } from './notice-kinds';
import type { Channel, NoticeKind } from './notice-kinds';

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Amina Bello' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the portal and of the mail' })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[])
  locale?: Locale;
}

export class NotificationPreferenceInput {
  @ApiProperty({ enum: NOTICE_KIND_NAMES })
  @IsIn(NOTICE_KIND_NAMES)
  kind: NoticeKind;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS as unknown as string[])
  channel: Channel;
}

export class PutNotificationPreferencesDto {
  @ApiProperty({
    type: [NotificationPreferenceInput],
    description: 'The kinds to set; kinds left out keep their channel',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each value in $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  items: NotificationPreferenceInput[];
}

export class NotificationPreferenceView {
  @ApiProperty({ enum: NOTICE_KIND_NAMES }) kind: NoticeKind;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
}

export class NotificationPreferencesView {
  @ApiProperty({ type: [NotificationPreferenceView], description: 'Every kind of notice, with its channel' })
  items: NotificationPreferenceView[];
}
