import { Role, SYSTEM_ACTOR } from '@app/core';
import { FUND, OTHER_REVIEWERS } from '../demo-plan';
import { Actor } from '@app/core';
import { actorOf, at, DemoContext, login } from './context';

/** 2010: the fund's staff (admins and fund managers enrolled in two-factor sign-in), reviewers, the fund. */
export async function staffAndFund(ctx: DemoContext): Promise<void> {
  const { users, mfa, db, funds } = ctx.s;
  at(ctx, '2010-01-04', 9);
  const staff = async (role: Role): Promise<Actor> => {
    const l = login(role);
    const u = await users.create(
      { email: l.email, password: l.password, name: l.name, roles: [role] },
      SYSTEM_ACTOR,
    );
    const secret = l.totpSecret;
    if (secret) await db.transaction((em) => mfa.enrolKnownSecret(em, SYSTEM_ACTOR, u.id, secret));
    return actorOf(u.id, [role]);
  };
  ctx.admin = await staff('admin');
  ctx.fm = await staff('fund_manager');
  ctx.finance = await staff('finance');
  ctx.reviewers = [await staff('reviewer')];
  for (const r of OTHER_REVIEWERS) {
    const u = await users.create(
      { email: r.email, password: login('reviewer').password, name: r.name, roles: ['reviewer'] },
      ctx.admin,
    );
    ctx.reviewers.push(actorOf(u.id, ['reviewer']));
  }
  ctx.fund = await funds.create(
    { code: FUND.code, name: FUND.name, newCallTarget: FUND.newCallTarget, pscRateBps: FUND.pscRateBps },
    ctx.admin,
  );
  ctx.log(`fund ${ctx.fund.code} ${ctx.fund.id}`);
}
