import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class SummaryQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one fund; every fund together when omitted' })
  @IsOptional()
  @IsUUID()
  fundId?: string;
}
