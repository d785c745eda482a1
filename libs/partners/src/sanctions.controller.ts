import { Controller, Get, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/core';
import { PayloadTooLarge, uploadedFile } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { FILE_REQUIRED } from './partners.controller';
import { SanctionsListView } from './partner.views';
import { SanctionsImportService } from './sanctions-import.service';

/** The UN Security Council Consolidated List's versions: an admin's upload (streamed) and the list of them. */
@ApiTags('partners')
@Controller('sanctions-lists')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsImportService) {}

  @Roles('admin')
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    operationId: 'importSanctionsList',
    summary: 'Import the UN Security Council Consolidated List',
    description: 'Its XML, streamed; a new version is kept and everyone is re-screened.',
  })
  @ApiCreatedResponse({ type: SanctionsListView })
  @ApiUnprocessableEntityResponse({ description: 'Not a Consolidated List' })
  async import(@Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<SanctionsListView> {
    const file = await uploadedFile(req, FILE_REQUIRED);
    async function* checked() {
      for await (const chunk of file.file) yield chunk as Buffer;
      if (file.file.truncated) throw new PayloadTooLarge('The list file is at most 10 MiB');
    }
    return this.sanctions.import(checked(), 'upload', actor);
  }

  @Roles('fund_manager', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listSanctionsLists',
    summary: 'Imported list versions',
    description: 'Newest first.',
  })
  @ApiOkResponse({ type: [SanctionsListView] })
  lists(): Promise<SanctionsListView[]> {
    return this.sanctions.lists();
  }
}
