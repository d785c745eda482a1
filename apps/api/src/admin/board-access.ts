import { Controller, Inject, Injectable, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@app/core';
import { REDIS } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';

export const QUEUE_BOARD_PATH = '/api/admin/queues';
/** How long a one-time code may wait to be exchanged, and how long the board's cookie session lasts. */
export const BOARD_CODE_TTL_SECONDS = 60;
export const BOARD_SESSION_TTL_SECONDS = 900;

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/**
 * One-time codes and cookie sessions for the queue board, in Redis under the deployment's prefix. Only
 * SHA-256 digests are stored, so reading Redis gives no usable code or session; a code is taken with
 * GETDEL, so it works once, and expires after {@link BOARD_CODE_TTL_SECONDS} anyway.
 */
@Injectable()
export class BoardAccess {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issueCode(userId: string): Promise<string> {
    const code = newSecret();
    await this.redis.set(`board-code:${digest(code)}`, userId, 'EX', BOARD_CODE_TTL_SECONDS, 'NX');
    return code;
  }

  /** The user who asked for the code, once; null for an unknown, used or expired code. */
  async redeemCode(code: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(code)) return null;
    return this.redis.getdel(`board-code:${digest(code)}`);
  }

  async openSession(userId: string): Promise<string> {
    const session = newSecret();
    await this.redis.set(`board-session:${digest(session)}`, userId, 'EX', BOARD_SESSION_TTL_SECONDS);
    return session;
  }

  async sessionUser(session: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(session)) return null;
    return this.redis.get(`board-session:${digest(session)}`);
  }
}

export class BoardCodeView {
  @ApiProperty({ description: 'single use; exchange it within expiresInSeconds' }) code: string;
  @ApiProperty({ example: BOARD_CODE_TTL_SECONDS }) expiresInSeconds: number;
  @ApiProperty({ example: `${QUEUE_BOARD_PATH}?code=…`, description: 'open this once in a browser' })
  url: string;
}

@ApiTags('admin')
@Controller('admin/board-codes')
export class BoardCodesController {
  constructor(private readonly access: BoardAccess) {}

  @Roles('admin')
  @Post()
  @ApiOperation({
    operationId: 'createBoardCode',
    summary: 'A one-time code to open the queue board in a browser',
    description:
      `Valid ${BOARD_CODE_TTL_SECONDS} s, single use. Opening ${QUEUE_BOARD_PATH}?code=<code> exchanges it ` +
      'for an HttpOnly cookie limited to the board, and redirects to the board without the code.',
  })
  @ApiCreatedResponse({ type: BoardCodeView })
  async create(@CurrentActor() actor: Actor): Promise<BoardCodeView> {
    const code = await this.access.issueCode(actor.userId!);
    return {
      code,
      expiresInSeconds: BOARD_CODE_TTL_SECONDS,
      url: `${QUEUE_BOARD_PATH}?code=${code}`,
    };
  }
}
