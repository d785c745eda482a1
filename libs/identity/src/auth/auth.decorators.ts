import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor, Role } from '@app/core';

export const PUBLIC_KEY = 'tfg:public';
export const ROLES_KEY = 'tfg:roles';
export const MFA_ENROLMENT_KEY = 'tfg:mfa-enrolment-allowed';

/** Open also to a session that must enrol in two-factor sign-in first (enrolment, /me, sign-out). */
export const AllowDuringMfaEnrolment = (): MethodDecorator & ClassDecorator =>
  SetMetadata(MFA_ENROLMENT_KEY, true);

/** Anyone may call the route; a bearer token, when sent, is still checked and identifies the caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Only callers holding one of these roles (403 otherwise, before any validation). */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or a bad token' }),
    ApiForbiddenResponse({ description: `Only ${roles.join(', ')}` }),
  );
}

/** The authenticated caller (or an anonymous actor on public routes). */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<{ actor: Actor }>().actor,
);

/** The id of the caller's session (from the access token); null on public routes without a token. */
export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null =>
    ctx.switchToHttp().getRequest<{ sessionId?: string }>().sessionId ?? null,
);
