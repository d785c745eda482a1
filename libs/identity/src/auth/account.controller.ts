import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@app/core';
import { APP_CONFIG, IdParam } from '@app/core';
import type { AppConfig } from '@app/core';
import { Inject } from '@nestjs/common';
import {
  AcceptedView,
  ChangePasswordDto,
  LoggedOutView,
  MfaConfirmDto,
  MfaEnrolmentView,
  MfaRequiredView,
  MfaResetView,
  MfaStepDto,
  PasswordResetConfirmDto,
  PasswordResetDto,
  RecoveryCodesView,
  RefreshDto,
  SessionView,
  SignedInView,
} from '../dto/account.dto';
import { LoginDto } from '../dto/identity.dto';
import { AllowDuringMfaEnrolment, CurrentActor, CurrentSession, Public, Roles } from './auth.decorators';
import { clientInfo } from './client-info';
import { MfaService } from './mfa.service';
import { PasswordResetService } from './password-reset.service';
import { SESSION_TTL_SECONDS, SessionsService } from './sessions.service';
import { SignInService } from './sign-in.service';

const ANY_USER = ['ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin'] as const;
export const REFRESH_COOKIE = 'tfg_refresh';
const TOKEN_INVALID = { description: '/problems/token-invalid: unknown, used, expired or revoked' };
const ACCEPTED: AcceptedView = {
  message: 'If the address has an account, a link to set a new password is on its way.',
};

function cookieOf(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The refresh token as an HttpOnly, SameSite=Strict cookie for /api/auth (Secure outside dev and test). */
export function setRefreshCookie(reply: FastifyReply, config: AppConfig, token: string | null): void {
  const secure = config.nodeEnv === 'development' || config.nodeEnv === 'test' ? '' : '; Secure';
  const value = token ? `${token}; Max-Age=${SESSION_TTL_SECONDS}` : '; Max-Age=0';
  void reply.header(
    'set-cookie',
    `${REFRESH_COOKIE}=${value}; Path=/api/auth; HttpOnly; SameSite=Strict${secure}`,
  );
}

@ApiTags('auth')
@ApiExtraModels(SignedInView, MfaRequiredView)
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private setRefreshCookie(reply: FastifyReply, token: string | null): void {
    setRefreshCookie(reply, this.config, token);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Sign in',
    description:
      'Answers a session (`status: signed_in`, with the refresh token also set as a cookie) or, for a user ' +
      'enrolled in two-factor sign-in, `status: mfa_required` with a step token for POST /api/auth/mfa.',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(SignedInView) }, { $ref: getSchemaPath(MfaRequiredView) }] },
  })
  @ApiUnauthorizedResponse({ description: '/problems/bad-credentials' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this e-mail from this address (5 a minute) or for this e-mail',
  })
  async login(
    @Body() dto: LoginDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInView | MfaRequiredView> {
    const result = await this.signIn.login(dto.email, dto.password, clientInfo(req), actor);
    if (result.status === 'signed_in') this.setRefreshCookie(reply, result.refreshToken);
    return result;
  }

  @Public()
  @Post('mfa')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'completeMfaSignIn',
    summary: 'Second step of sign-in: the step token with a TOTP code or a recovery code',
    description:
      'For a user enrolled in two-factor sign-in: trades the step token that POST /api/auth/login answered, with a current TOTP code or one unused recovery code, for a session (the refresh token also set as a cookie).',
  })
  @ApiOkResponse({ type: SignedInView })
  @ApiUnauthorizedResponse(TOKEN_INVALID)
  @ApiUnprocessableEntityResponse({ description: '/problems/mfa-code-invalid: wrong or already used' })
  @ApiBadRequestResponse({ description: 'Neither or both of code and recoveryCode' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes' })
  async mfa(
    @Body() dto: MfaStepDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInView> {
    const result = await this.signIn.completeMfa(dto, clientInfo(req), actor);
    this.setRefreshCookie(reply, result.refreshToken);
    return result;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'refreshSession',
    summary: 'Trade a refresh token (cookie or body) for a new access token and the next refresh token',
    description: 'A refresh token used a second time revokes its whole session (theft detection).',
  })
  @ApiOkResponse({ type: SignedInView })
  @ApiUnauthorizedResponse(TOKEN_INVALID)
  async refresh(
    @Body() dto: RefreshDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInView> {
    const token = dto?.refreshToken ?? cookieOf(req, REFRESH_COOKIE);
    const result = await this.sessions.refresh(token, clientInfo(req), actor);
    this.setRefreshCookie(reply, result.refreshToken);
    return result;
  }

  @Roles(...ANY_USER)
  @AllowDuringMfaEnrolment()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'logout',
    summary: 'Sign out of this session',
    description:
      "Ends the session of the caller's access token: its refresh token stops working and the refresh cookie is cleared. Access tokens already issued run until they expire.",
  })
  @ApiNoContentResponse({ description: 'The session ended; its refresh token no longer works' })
  async logout(
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string | null,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.end(actor, sessionId, clientInfo(req).address);
    this.setRefreshCookie(reply, null);
  }

  @Roles(...ANY_USER)
  @AllowDuringMfaEnrolment()
  @Post('logout-all')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'logoutAll',
    summary: 'Sign out of every session of the caller, this one included',
    description:
      'Ends every live session of the caller and clears the refresh cookie; answers how many sessions were revoked.',
  })
  @ApiOkResponse({ type: LoggedOutView })
  async logoutAll(
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoggedOutView> {
    const revoked = await this.sessions.endAll(actor, clientInfo(req).address);
    this.setRefreshCookie(reply, null);
    return { revoked };
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestPasswordReset',
    summary: 'Ask for a password reset link',
    description: 'Always the same answer, whether or not the address has an account.',
  })
  @ApiAcceptedResponse({ type: AcceptedView })
  async passwordReset(@Body() dto: PasswordResetDto, @Req() req: FastifyRequest): Promise<AcceptedView> {
    await this.resets.request(dto.email, clientInfo(req));
    return ACCEPTED;
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'confirmPasswordReset',
    summary: 'Set a new password with a reset token (once); every session of the user ends',
    description:
      'Sets the password with the single-use token of the mailed reset link; the password policy applies (422 with the reason). Every session of the user ends.',
  })
  @ApiNoContentResponse({ description: 'The password is set' })
  @ApiUnauthorizedResponse(TOKEN_INVALID)
  @ApiUnprocessableEntityResponse({ description: '/problems/weak-password, with the reason' })
  async passwordResetConfirm(
    @Body() dto: PasswordResetConfirmDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.resets.confirm(dto.token, dto.password, clientInfo(req), actor);
  }
}

@ApiTags('users')
@Controller()
export class AccountController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetService,
    private readonly mfa: MfaService,
  ) {}

  @Roles(...ANY_USER)
  @AllowDuringMfaEnrolment()
  @Get('me/sessions')
  @ApiOperation({
    operationId: 'listMySessions',
    summary: "The caller's live sessions",
    description:
      "The caller's sessions that are neither ended nor expired, with the device and address they were opened from; `current` marks the session of this request.",
  })
  @ApiOkResponse({ type: [SessionView] })
  list(@CurrentActor() actor: Actor, @CurrentSession() sessionId: string | null): Promise<SessionView[]> {
    return this.sessions.list(actor.userId!, sessionId);
  }

  @Roles(...ANY_USER)
  @AllowDuringMfaEnrolment()
  @Delete('me/sessions/:id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'endMySession',
    summary: 'End one of the caller’s sessions',
    description:
      'Ends one live session of the caller (for example a lost device): its refresh token stops working.',
  })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiNotFoundResponse({ description: 'No live session of the caller with this id' })
  async end(
    @IdParam('id', 'session') id: string,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.sessions.end(actor, id, clientInfo(req).address);
  }

  @Roles(...ANY_USER)
  @Post('me/password')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'changeMyPassword',
    summary: 'Change own password (the current one required); the other sessions end',
    description:
      "Changes the caller's password when the current one is right; the new one must meet the password policy. Every other session of the caller ends; this one stays.",
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiUnprocessableEntityResponse({
    description: '/problems/current-password-wrong or /problems/weak-password',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string | null,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.resets.change(actor, sessionId, dto.currentPassword, dto.newPassword, clientInfo(req));
  }

  @Roles(...ANY_USER)
  @AllowDuringMfaEnrolment()
  @Post('me/mfa/enrol')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'enrolMfa',
    summary: 'Start two-factor enrolment: an otpauth:// URI and its QR code',
    description:
      'Starts (or restarts) two-factor enrolment: a new TOTP secret as an otpauth:// URI and a QR code to scan. Enrolment takes effect only when POST /api/me/mfa/confirm confirms it with a first code.',
  })
  @ApiOkResponse({ type: MfaEnrolmentView })
  @ApiConflictResponse({ description: '/problems/mfa-enrolment-state: already enrolled' })
  enrol(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<MfaEnrolmentView> {
    return this.mfa.enrol(actor, clientInfo(req).address);
  }

  @Roles(...ANY_USER)
  @AllowDuringMfaEnrolment()
  @Post('me/mfa/confirm')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmMfa',
    summary: 'Confirm enrolment with a first code; answers 10 recovery codes, shown only now',
    description:
      'Confirms the pending enrolment with a current TOTP code: from now on sign-in asks for a second step. The 10 single-use recovery codes are answered only here, once.',
  })
  @ApiOkResponse({ type: RecoveryCodesView })
  @ApiUnprocessableEntityResponse({ description: '/problems/mfa-code-invalid' })
  @ApiConflictResponse({ description: '/problems/mfa-enrolment-state: nothing to confirm' })
  async confirm(
    @Body() dto: MfaConfirmDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ): Promise<RecoveryCodesView> {
    return { recoveryCodes: await this.mfa.confirm(actor, dto.code, clientInfo(req).address) };
  }

  @Roles('admin')
  @Delete('users/:id/mfa')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resetUserMfa',
    summary: "Reset a user's two-factor enrolment (audited); the user's sessions end",
    description:
      "For an admin: removes a user's two-factor enrolment (for example a lost phone) so that the user can enrol again; every session of that user ends. Audited.",
  })
  @ApiOkResponse({ type: MfaResetView })
  @ApiNotFoundResponse({ description: 'No such user' })
  async resetMfa(
    @IdParam('id', 'user') id: string,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ): Promise<MfaResetView> {
    await this.mfa.reset(actor, id, clientInfo(req).address);
    return { reset: true };
  }
}
