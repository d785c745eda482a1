import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';

/** One change: who did what to which entity, in which request. */
export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system' })
  actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The actor's name; null: the system or gone" })
  actorName: string | null;
  @ApiProperty({ type: [String], description: "The actor's roles now (empty for the system)" })
  actorRoles: string[];
  @ApiProperty({ example: 'grant.signed' }) action: string;
  @ApiProperty({ example: 'grant' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The fund the change belongs to (fund-scoped staff see only their funds); null: none',
  })
  fundId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed (shape depends on the action)',
  })
  summary: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: Date }) at: Date;
}

export class AuditPage extends PageOf(AuditEntryView) {}
