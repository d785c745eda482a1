import { ApiProperty } from '@nestjs/swagger';
import { AttachmentView } from '../dto/application.dto';

/** A resumable upload as the API answers about it (the tus headers say the same for tus clients). */
export class UploadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Where to resume: HEAD for the offset, PATCH to send the rest' })
  location: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'bytes received so far' }) offset: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'bytes of the whole file' }) size: number;
  @ApiProperty({
    type: AttachmentView,
    nullable: true,
    description: 'The attachment the file became, once every byte arrived and passed the checks',
  })
  attachment: AttachmentView | null;
}
