import { ApiProperty } from '@nestjs/swagger';

/** The fund's logo as stored: what it is, not its bytes (GET /funds/:id/logo returns those). */
export class FundLogoView {
  @ApiProperty({ format: 'uuid' })
  fundId: string;

  @ApiProperty({ enum: ['image/png', 'image/jpeg'], description: 'detected from the bytes' })
  mime: 'image/png' | 'image/jpeg';

  @ApiProperty({ description: 'pixels', example: 256 })
  width: number;

  @ApiProperty({ description: 'pixels', example: 256 })
  height: number;

  @ApiProperty({ description: 'bytes', example: 18_204 })
  size: number;

  @ApiProperty({ description: 'SHA-256 of the bytes, hex', example: 'a'.repeat(64) })
  sha256: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;
}
