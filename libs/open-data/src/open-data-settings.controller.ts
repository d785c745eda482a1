import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import {
  DonorConsentDto,
  DonorConsentView,
  OpenDataSettingsDto,
  OpenDataSettingsView,
  SensitiveGrantDto,
  SensitiveGrantView,
} from './dto/open-data.dto';
import { OpenDataSettingsService } from './open-data-settings.service';

/** Staff's settings of what is published: the fund's IATI settings, sensitive grants, donors' consent. */
@ApiTags('open data')
@Controller()
export class OpenDataSettingsController {
  constructor(private readonly settings: OpenDataSettingsService) {}

  @Roles('fund_manager', 'admin')
  @Get('funds/:id/open-data')
  @ApiOperation({
    operationId: 'getOpenDataSettings',
    summary: "A fund's open-data settings",
    description:
      'The IATI organisation identifier and type, the sector of each service line and the sensitive-grant policy.',
  })
  @ApiOkResponse({ type: OpenDataSettingsView })
  @ApiNotFoundResponse({ description: 'No fund has this id within your reach' })
  get(@IdParam('id', 'fund') id: string, @CurrentActor() actor: Actor): Promise<OpenDataSettingsView> {
    return this.settings.get(id, actor);
  }

  @Roles('fund_manager', 'admin')
  @Put('funds/:id/open-data')
  @ApiOperation({
    operationId: 'putOpenDataSettings',
    summary: "Set a fund's open-data settings",
    description: 'Replaces the settings (audited). Without an IATI identifier the IATI files are refused.',
  })
  @ApiOkResponse({ type: OpenDataSettingsView })
  @ApiNotFoundResponse({ description: 'No fund has this id within your reach' })
  put(
    @IdParam('id', 'fund') id: string,
    @Body() dto: OpenDataSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<OpenDataSettingsView> {
    return this.settings.put(id, dto, actor);
  }

  @Roles('fund_manager', 'admin')
  @Put('grants/:id/sensitive')
  @ApiOperation({
    operationId: 'setGrantSensitive',
    summary: 'Mark a grant sensitive, or not',
    description:
      "A sensitive grant is left out of the IATI files or published without its NGO, by the fund's policy (audited).",
  })
  @ApiOkResponse({ type: SensitiveGrantView })
  @ApiNotFoundResponse({ description: 'No grant has this id within your reach' })
  sensitive(
    @IdParam('id', 'grant') id: string,
    @Body() dto: SensitiveGrantDto,
    @CurrentActor() actor: Actor,
  ): Promise<SensitiveGrantView> {
    return this.settings.markSensitive(id, dto, actor);
  }

  @Roles('finance', 'admin')
  @Put('donors/:id/public-consent')
  @ApiOperation({
    operationId: 'setDonorPublicConsent',
    summary: "Record a donor's consent to be named publicly",
    description: 'A private donor is named in the public downloads only with its consent (audited).',
  })
  @ApiOkResponse({ type: DonorConsentView })
  @ApiNotFoundResponse({ description: 'No donor has this id' })
  consent(
    @IdParam('id', 'donor') id: string,
    @Body() dto: DonorConsentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DonorConsentView> {
    return this.settings.setConsent(id, dto, actor);
  }
}
