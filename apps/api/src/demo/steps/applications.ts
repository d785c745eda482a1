import { SYSTEM_ACTOR } from '@app/core';
import { day, PlannedCall } from '../demo-plan';
import { CallDates } from './open-call';
import { actorOf, DemoContext, login, Submitted } from './context';

const NGO_PASSWORD = 'demo-ngo-2016';

/**
 * Each planned NGO registers, is verified, drafts its application and submits it, spread evenly between
 * the call's opening and its deadline.
 */
export async function applications(
  ctx: DemoContext,
  callId: string,
  plan: PlannedCall,
  dates: CallDates,
): Promise<Submitted[]> {
  const { registration, organizations, applications: service } = ctx.s;
  const submitted: Submitted[] = [];
  const openMs = day(dates.open).getTime();
  const span = day(dates.deadline).getTime() - openMs;
  for (const [i, a] of plan.applications.entries()) {
    const when = new Date(openMs + Math.floor(((i + 1) * span) / (plan.applications.length + 2)));
    ctx.clock.setNow(when);
    ctx.ngoCount += 1;
    const first = ctx.ngoCount === 1;
    const registered = await registration.registerConfirmed(
      {
        organization: {
          name: a.org,
          country: a.country,
          registrationNumber: `${a.country}-NGO-${ctx.ngoCount}`,
        },
        user: {
          email: first ? login('ngo').email : `ngo${ctx.ngoCount}@vtf-demo.org`,
          password: NGO_PASSWORD,
          name: first ? login('ngo').name : `${a.org} (member)`,
        },
      },
      SYSTEM_ACTOR,
    );
    await organizations.verify(registered.organization.id, ctx.admin);
    const ngo = actorOf(registered.user.id, ['ngo'], { organizationId: registered.organization.id });
    const lines = a.services.map((s) => 1 + (s.length % 3));
    const total = lines.reduce((x, y) => x + y, 0);
    let left = a.requested;
    const budget = a.services.map((s, k) => {
      const amount =
        k === a.services.length - 1 ? left : Math.floor((a.requested * lines[k]) / total / 100) * 100;
      left -= amount;
      return { category: s, description: `${s.replace('_', ' ')} for survivors`, amount };
    });
    const created = await service.create(
      callId,
      {
        title: `${a.org}: assistance to survivors in ${a.country}`,
        summary: `Direct assistance to victims of trafficking in ${a.country}: ${a.services.join(', ')}.`,
        countries: [a.country],
        services: a.services,
        expectedVictims: a.expectedVictims,
        budget,
      },
      ngo,
    );
    await service.submit(created.id, ngo);
    submitted.push({ plan: a, applicationId: created.id, ngo });
  }
  return submitted;
}
