import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { clientAddressKey } from '@app/core';

/**
 * The general limit per client address, across every route: the address is fastify's `request.ip` (the
 * socket's peer, or X-Forwarded-For's client only when the peer is a TRUST_PROXY balancer), IPv6 per /64.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return clientAddressKey(typeof req.ip === 'string' ? req.ip : undefined);
  }

  /** One counter per address and throttler, not one per route. */
  protected override generateKey(_context: ExecutionContext, suffix: string, name: string): string {
    return `${name}:${suffix}`;
  }
}
