import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, AppConfig } from '@app/core';
import { APP_CONFIG, IdParam, PageQuery } from '@app/core';
import { ApiProblems } from '../accounts/api-docs';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { setRefreshCookie } from '../auth/account.controller';
import { clientInfo } from '../auth/client-info';
import { SignedInView } from '../dto/account.dto';
import { AcceptInvitationDto, CreateInvitationDto, InvitationPage, InvitationView } from './invitations.dto';
import { InvitationsService } from './invitations.service';

const NOT_ORG_ADMIN = "/problems/not-org-admin: an ngo caller who is not their organization's admin";
const NOT_FOUND = '/problems/not-found: no such invitation within your reach';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles('admin', 'ngo')
  @Post()
  @ApiOperation({
    operationId: 'createInvitation',
    summary: 'Invites a person by e-mail with roles; the mail carries a single-use link valid 72 hours',
    description:
      "Admins invite anyone, with any roles (and fundIds for staff); an organization's admin invites ngo " +
      'members of their own organization only.',
  })
  @ApiCreatedResponse({ type: InvitationView })
  @ApiProblems({
    400: '/problems/validation',
    403: NOT_ORG_ADMIN,
    404: '/problems/not-found: another organization',
    409: '/problems/email-taken (a user has this address) or /problems/invitation-pending',
    422: '/problems/invalid-user-link: roles and organization or donor do not fit',
  })
  invite(@Body() dto: CreateInvitationDto, @CurrentActor() actor: Actor): Promise<InvitationView> {
    return this.invitations.invite(dto, actor);
  }

  @Roles('admin', 'ngo')
  @Get()
  @ApiOperation({
    operationId: 'listInvitations',
    summary: 'Pending invitations (not accepted nor revoked), newest first; expired ones say so',
    description:
      "A page of the invitations still pending: an admin sees all of them, an organization's admin those of their own organization.",
  })
  @ApiOkResponse({ type: InvitationPage })
  @ApiProblems({ 403: NOT_ORG_ADMIN })
  list(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<InvitationPage> {
    return this.invitations.pending(query, actor);
  }

  @Roles('admin', 'ngo')
  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resendInvitation',
    summary: 'Mails a new link (valid 72 hours); the previous link stops working',
    description:
      'Mails a new single-use link for a pending invitation, valid 72 hours from now; the previous link stops working.',
  })
  @ApiOkResponse({ type: InvitationView })
  @ApiProblems({
    403: NOT_ORG_ADMIN,
    404: NOT_FOUND,
    409: '/problems/invitation-closed: accepted or revoked',
  })
  resend(@IdParam('id', 'invitation') id: string, @CurrentActor() actor: Actor): Promise<InvitationView> {
    return this.invitations.resend(id, actor);
  }

  @Roles('admin', 'ngo')
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokeInvitation',
    summary: 'Revokes a pending invitation: its link stops working',
    description:
      'Revokes a pending invitation: its link stops working. An accepted or already revoked invitation answers 409.',
  })
  @ApiOkResponse({ type: InvitationView })
  @ApiProblems({
    403: NOT_ORG_ADMIN,
    404: NOT_FOUND,
    409: '/problems/invitation-closed: accepted or revoked',
  })
  revoke(@IdParam('id', 'invitation') id: string, @CurrentActor() actor: Actor): Promise<InvitationView> {
    return this.invitations.revoke(id, actor);
  }
}

@ApiTags('auth')
@Controller('auth/invitations')
export class InvitationAcceptController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary: 'Accepts an invitation: creates the account, sets its password and signs in',
    description:
      "Trades the single-use token of the invitation mail, with the person's name and password, for an active account with the invited roles, and answers a session as POST /api/auth/login does.",
  })
  @ApiOkResponse({
    type: SignedInView,
    description: 'A session, as POST /api/auth/login answers it (the refresh token also set as a cookie)',
  })
  @ApiProblems({
    400: '/problems/token-invalid (unknown, used, revoked or expired link) or /problems/validation',
    409: '/problems/email-taken: the address got an account meanwhile',
  })
  async accept(
    @Body() dto: AcceptInvitationDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInView> {
    const session = await this.invitations.accept(dto, actor, clientInfo(req));
    setRefreshCookie(reply, this.config, session.refreshToken);
    return session;
  }
}
