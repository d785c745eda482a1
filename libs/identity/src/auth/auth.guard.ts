import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, ForbiddenError, hasRole, Role, UnauthorizedError } from '@app/core';
import { MFA_ENROLMENT_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

interface AuthRequest {
  id?: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  sessionId?: string;
}

export function anonymousActor(requestId: string | null, address: string | null = null): Actor {
  return { userId: null, roles: [], organizationId: null, donorId: null, fundIds: [], requestId, address };
}

/**
 * The one global guard: authenticates the bearer token (401 when missing or bad on a protected route),
 * then checks `@Roles()` (403). It runs before validation, so a caller without the role gets 403 whatever
 * the body. Object-level scope (whose application, whose receipt) is the services' job: see `scope.ts`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const requestId = req.id ? String(req.id) : null;

    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (value) {
      const match = /^Bearer\s+(\S+)$/i.exec(value);
      if (!match) throw new UnauthorizedError('Authorization must be "Bearer <token>"');
      const allowRestricted = this.reflector.getAllAndOverride<boolean>(MFA_ENROLMENT_KEY, targets) ?? false;
      try {
        const { actor, sessionId } = await this.auth.authenticate(match[1], requestId, allowRestricted);
        req.actor = { ...actor, address: req.ip ?? null };
        req.sessionId = sessionId ?? undefined;
      } catch (error) {
        // An expired or ended session does not shut anyone out of what is public (the open calls, the
        // refresh route itself): the caller is anonymous there. Elsewhere it is a 401.
        if (!isPublic || !(error instanceof UnauthorizedError)) throw error;
        req.actor = anonymousActor(requestId, req.ip ?? null);
      }
    } else {
      if (!isPublic) throw new UnauthorizedError();
      req.actor = anonymousActor(requestId, req.ip ?? null);
    }
    if (roles && roles.length > 0 && !hasRole(req.actor, ...roles)) {
      throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
