import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { ApiProblems } from '../accounts/api-docs';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { RegisterDto, RegisteredView, UserView } from '../dto/identity.dto';
import { ConfirmEmailDto } from './registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('auth')
@Controller('auth')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Public()
  @Post('register')
  @ApiOperation({
    operationId: 'register',
    summary:
      'Registers an NGO and its first member (its admin), inactive until the mailed link confirms the address',
    description:
      'Answers 201 the same way whether or not the address has an account (that address gets a mail ' +
      'saying someone tried to register with it): the answer never tells which addresses have accounts.',
  })
  @ApiCreatedResponse({ type: RegisteredView })
  @ApiProblems({
    400: '/problems/validation: a missing, invalid or extra field, or a password the policy refuses',
    429: '/problems/too-many-registrations: too many from this client address or for this e-mail',
  })
  register(@Body() dto: RegisterDto, @CurrentActor() actor: Actor): Promise<RegisteredView> {
    return this.registration.register(dto, actor);
  }

  @Public()
  @Post('confirm-email')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmEmail',
    summary: 'Confirms the address with the mailed link: the account becomes active',
    description:
      'Trades the single-use token of the registration mail (valid 72 hours) for an active account; the user can then sign in.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiProblems({ 400: '/problems/token-invalid: the link is unknown, used or expired (72 hours)' })
  confirm(@Body() dto: ConfirmEmailDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.registration.confirmEmail(dto.token, actor);
  }
}
