import { Controller, Delete, Get, Header, HttpCode, Put, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/core';
import { ApiFileResponse, IdParam, PayloadTooLarge, readUpload, RequestInvalid } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { FundLogoService } from './fund-logo.service';
import { FundLogoView } from './fund-logo.views';
import { LOGO_MAX_BYTES } from './logo-rules';

const FILE_REQUIRED = () =>
  new RequestInvalid([{ field: 'file', messages: ['a file is required (multipart/form-data)'] }]);

/** The fund's logo, printed on the letterhead of its receipts, statements and agreements. */
@ApiTags('funds')
@Controller('funds')
export class FundLogoController {
  constructor(private readonly logos: FundLogoService) {}

  @Roles('fund_manager', 'admin')
  @Put(':id/logo')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    operationId: 'putFundLogo',
    summary: "Upload or replace the fund's logo",
    description:
      'One PNG or JPEG file (checked by its bytes), at most 512 KiB, 32 to 4096 pixels a side and at most ' +
      '8:1; printed on the letterhead of the fund’s receipts, statements and agreements. Audited.',
  })
  @ApiOkResponse({ type: FundLogoView })
  @ApiNotFoundResponse({ description: '/problems/not-found: no such fund, or not yours' })
  @ApiPayloadTooLargeResponse({ description: '/problems/payload-too-large: over 512 KiB' })
  @ApiUnprocessableEntityResponse({
    description:
      '/problems/unsupported-logo: not a PNG or JPEG by its bytes, or a size no letterhead can use',
  })
  async put(
    @IdParam('id', 'fund') id: string,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<FundLogoView> {
    const { bytes } = await readUpload(
      req,
      { required: FILE_REQUIRED, tooLarge: () => new PayloadTooLarge('A logo is at most 512 KiB') },
      { fileSize: LOGO_MAX_BYTES, files: 1 },
    );
    return this.logos.put(id, bytes, actor);
  }

  @Roles('fund_manager', 'finance', 'admin')
  @Get(':id/logo')
  @ApiOperation({
    operationId: 'getFundLogo',
    summary: "The fund's logo",
    description: 'The image as uploaded, with its detected media type; 404 when the fund has none.',
  })
  @ApiFileResponse(['image/png', 'image/jpeg'])
  @ApiNotFoundResponse({ description: '/problems/not-found: no such fund, or no logo' })
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-cache')
  async get(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const logo = await this.logos.content(id, actor);
    return new StreamableFile(logo.content, {
      type: logo.mime,
      length: logo.content.length,
      disposition: `inline; filename="logo.${logo.mime === 'image/png' ? 'png' : 'jpg'}"`,
    });
  }

  @Roles('fund_manager', 'admin')
  @Delete(':id/logo')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteFundLogo',
    summary: "Remove the fund's logo",
    description:
      'The letterheads show the fund’s name alone again. Removing no logo changes nothing. Audited.',
  })
  @ApiNoContentResponse({ description: 'Removed (or there was none)' })
  @ApiNotFoundResponse({ description: '/problems/not-found: no such fund, or not yours' })
  async remove(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.logos.remove(id, actor);
  }
}
