import { MEMBER_STATES, PRIVATE_DONORS } from '../demo-plan';
import { DemoContext, login } from './context';

/** 2010: the member states and private donors, and the donor login linked to the first member state. */
export async function donors(ctx: DemoContext): Promise<void> {
  const { donors: service, users } = ctx.s;
  ctx.memberStateIds = [];
  for (const ms of MEMBER_STATES) {
    ctx.memberStateIds.push(
      (await service.create({ name: ms.name, type: 'member_state', country: ms.country }, ctx.finance)).id,
    );
  }
  ctx.privateIds = [];
  for (const name of PRIVATE_DONORS) {
    ctx.privateIds.push((await service.create({ name, type: 'private' }, ctx.finance)).id);
  }
  const donorLogin = login('donor');
  await users.create(
    {
      email: donorLogin.email,
      password: donorLogin.password,
      name: donorLogin.name,
      roles: ['donor'],
      donorId: ctx.memberStateIds[0],
    },
    ctx.admin,
  );
  ctx.log(`${ctx.memberStateIds.length} member states and ${ctx.privateIds.length} private donors`);
}
