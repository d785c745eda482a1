import { INestApplicationContext } from '@nestjs/common';
import { Clock, SYSTEM_ACTOR } from '@app/core';
import { FundsService } from '@app/funds';
import { OffersService } from '@app/grants';
import { DEMO_LOGINS, FUND, plannedCalls } from './demo-plan';
import { call2011 } from './steps/call-2011';
import { call2014 } from './steps/call-2014';
import { closing } from './steps/closing';
import { demoContext } from './steps/context';
import { donors } from './steps/donors';
import { staffAndFund } from './steps/staff-and-fund';

export interface DemoSeedResult {
  created: boolean;
  fundId: string;
  logins: readonly { role: string; email: string; password: string; totpSecret: string | null }[];
}

/**
 * Replays the fund's history from 2010 to March 2016 through the application's own services, moving the
 * shared Clock so that every date rule (deadlines, effective dates not in the future, enough available
 * balance for each commitment) holds as it would have then. Not idempotent step by step: it refuses to run
 * when a fund with the code VTF already exists, so a second run changes nothing.
 *
 * Each step is one file in `steps/`, over one shared context (`steps/context.ts`); `demo-plan.ts` is the data.
 */
export async function seedDemo(
  app: INestApplicationContext,
  log: (line: string) => void = () => undefined,
): Promise<DemoSeedResult> {
  const logins = DEMO_LOGINS.map(({ role, email, password, totpSecret }) => ({
    role,
    email,
    password,
    totpSecret: totpSecret ?? null,
  }));
  const existing = (await app.get(FundsService).list(SYSTEM_ACTOR)).find((f) => f.code === FUND.code);
  if (existing) {
    log(`a fund with the code ${FUND.code} exists already: the demo history is in place, nothing to do`);
    return { created: false, fundId: existing.id, logins };
  }
  const clock = app.get(Clock);
  try {
    return { created: true, fundId: await replay(app, clock, log), logins };
  } finally {
    clock.reset();
  }
}

async function replay(
  app: INestApplicationContext,
  clock: Clock,
  log: (line: string) => void,
): Promise<string> {
  const ctx = demoContext(app, clock, log);
  const [plan2011, plan2014] = plannedCalls();
  await staffAndFund(ctx);
  await donors(ctx);
  const funded2011 = await call2011(ctx, plan2011);
  await call2014(ctx, plan2014, funded2011);
  await closing(ctx);
  // The demo fund's grants from now on run the full post-award workflow (ADR 0012); its history stays simple.
  await app.get(OffersService).saveSettings(ctx.fund.id, { workflow: 'full', acceptanceDays: 30 }, ctx.admin);
  return ctx.fund.id;
}
