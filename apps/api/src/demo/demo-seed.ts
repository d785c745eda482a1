import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, applyBps, Clock, Role, SYSTEM_ACTOR } from '@app/core';
import { ApplicationsService } from '@app/applications';
import { CallsService } from '@app/calls';
import { ContributionsService, DonorsService } from '@app/donors';
import { BalanceService, FundsService } from '@app/funds';
import {
  DecisionsService,
  DisbursementsService,
  GrantAgreementService,
  GrantReportsService,
  TrancheSpec,
} from '@app/grants';
import { MfaService, OrganizationsService, RegistrationService, UsersService } from '@app/identity';
import { ReviewsService } from '@app/reviews';
import {
  COSTS,
  day,
  DEMO_LOGINS,
  DEMO_SEED,
  FUND,
  MEMBER_STATES,
  OTHER_REVIEWERS,
  PlannedApplication,
  plannedCalls,
  plannedContributions,
  PRIVATE_DONORS,
  PROJECT_COUNTRIES,
  prng,
  RUBRIC,
  SERVICES,
  victimsFor,
} from './demo-plan';

export interface DemoSeedResult {
  created: boolean;
  fundId: string;
  logins: readonly { role: string; email: string; password: string; totpSecret: string | null }[];
}

const NGO_PASSWORD = 'demo-ngo-2016';
const SCHEDULE_2011: TrancheSpec[] = [
  { percent: 50, condition: 'on_signature' },
  { percent: 30, condition: 'after_report' },
  { percent: 20, condition: 'after_report' },
];
const SCHEDULE_2014: TrancheSpec[] = [
  { percent: 50, condition: 'on_signature' },
  { percent: 50, condition: 'after_report' },
];

function actorOf(userId: string, roles: Role[], links: Partial<Actor> = {}): Actor {
  return {
    userId,
    roles,
    organizationId: null,
    donorId: null,
    fundIds: [],
    requestId: 'demo-seed',
    ...links,
  };
}

interface Submitted {
  plan: PlannedApplication;
  applicationId: string;
  ngo: Actor;
  grantId?: string;
}

/**
 * Replays the fund's history from 2010 to March 2016 through the application's own services, moving the
 * shared Clock so that every date rule (deadlines, effective dates not in the future, enough available
 * balance for each commitment) holds as it would have then. Not idempotent step by step: it refuses to run
 * when a fund with the code VTF already exists, so a second run changes nothing.
 */
export async function seedDemo(
  app: INestApplicationContext,
  log: (line: string) => void = () => undefined,
): Promise<DemoSeedResult> {
  const db = app.get(DataSource);
  const logins = DEMO_LOGINS.map(({ role, email, password, totpSecret }) => ({
    role,
    email,
    password,
    totpSecret: totpSecret ?? null,
  }));
  const existing: { id: string }[] = await db.query(`SELECT id FROM funds WHERE code = $1`, [FUND.code]);
  if (existing.length) {
    log(`a fund with the code ${FUND.code} exists already: the demo history is in place, nothing to do`);
    return { created: false, fundId: existing[0].id, logins };
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
  const users = app.get(UsersService);
  const mfa = app.get(MfaService);
  const db = app.get(DataSource);
  const registration = app.get(RegistrationService);
  const organizations = app.get(OrganizationsService);
  const funds = app.get(FundsService);
  const balance = app.get(BalanceService);
  const donors = app.get(DonorsService);
  const contributions = app.get(ContributionsService);
  const calls = app.get(CallsService);
  const applications = app.get(ApplicationsService);
  const reviews = app.get(ReviewsService);
  const decisions = app.get(DecisionsService);
  const agreements = app.get(GrantAgreementService);
  const disbursements = app.get(DisbursementsService);
  const grantReports = app.get(GrantReportsService);
  const rnd = prng(DEMO_SEED + 2);
  const at = (d: string, hour = 12) => clock.setNow(day(d, hour));

  // ---- 2010: the fund, its staff and its donors --------------------------------------------------------
  at('2010-01-04', 9);
  const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;
  const staff = async (role: Role) => {
    const l = login(role);
    const u = await users.create(
      { email: l.email, password: l.password, name: l.name, roles: [role] },
      SYSTEM_ACTOR,
    );
    const secret = l.totpSecret;
    if (secret) await db.transaction((em) => mfa.enrolKnownSecret(em, SYSTEM_ACTOR, u.id, secret));
    return actorOf(u.id, [role]);
  };
  const admin = await staff('admin');
  const fm = await staff('fund_manager');
  const finance = await staff('finance');
  const reviewers = [await staff('reviewer')];
  for (const r of OTHER_REVIEWERS) {
    const u = await users.create(
      { email: r.email, password: login('reviewer').password, name: r.name, roles: ['reviewer'] },
      admin,
    );
    reviewers.push(actorOf(u.id, ['reviewer']));
  }
  const fund = await funds.create(
    { code: FUND.code, name: FUND.name, newCallTarget: FUND.newCallTarget, pscRateBps: FUND.pscRateBps },
    admin,
  );
  log(`fund ${fund.code} ${fund.id}`);

  const memberStateIds: string[] = [];
  for (const ms of MEMBER_STATES) {
    memberStateIds.push(
      (await donors.create({ name: ms.name, type: 'member_state', country: ms.country }, finance)).id,
    );
  }
  const privateIds: string[] = [];
  for (const name of PRIVATE_DONORS) {
    privateIds.push((await donors.create({ name, type: 'private' }, finance)).id);
  }
  const donorLogin = login('donor');
  await users.create(
    {
      email: donorLogin.email,
      password: donorLogin.password,
      name: donorLogin.name,
      roles: ['donor'],
      donorId: memberStateIds[0],
    },
    admin,
  );
  log(`${memberStateIds.length} member states and ${privateIds.length} private donors`);

  // ---- money in and fund-level costs, replayed up to each step of the grant cycle -----------------------
  const moneyIn = plannedContributions();
  const costs = [...COSTS];
  const catchUp = async (before: string) => {
    while (
      (moneyIn.length && moneyIn[0].day < before) ||
      (costs.length && costs[0].day < before && (!moneyIn.length || costs[0].day <= moneyIn[0].day))
    ) {
      if (costs.length && costs[0].day < before && (!moneyIn.length || costs[0].day <= moneyIn[0].day)) {
        const c = costs.shift()!;
        at(c.day);
        await funds.addCost(
          fund.id,
          { amount: c.amount, description: c.description, incurredAt: c.day },
          finance,
        );
      } else {
        const c = moneyIn.shift()!;
        at(c.day);
        await contributions.receive(
          {
            donorId: c.type === 'member_state' ? memberStateIds[c.donor] : privateIds[c.donor],
            fundId: fund.id,
            amount: c.amount,
            currency: 'USD',
            receivedAt: c.day,
          },
          finance,
        );
      }
    }
  };

  // ---- the grant cycle of one call: intake, screening, reviews --------------------------------------------
  const [plan2011, plan2014] = plannedCalls();
  let ngoCount = 0;
  const intake = async (
    plan: ReturnType<typeof plannedCalls>[number],
    dates: { create: string; open: string; deadline: string; close: string; screen: string; assign: string },
  ): Promise<{ callId: string; submitted: Submitted[] }> => {
    await catchUp(dates.create);
    at(dates.create);
    const call = await calls.create(
      {
        fundId: fund.id,
        title: plan.title,
        description:
          'Grants to NGOs giving direct assistance to victims of trafficking in persons: shelter, ' +
          'psychological support, legal aid, education and vocational training, health care and small stipends.',
        themes: [...SERVICES],
        eligibleCountries: [...PROJECT_COUNTRIES],
        minAward: plan.minAward,
        maxAward: plan.maxAward,
        envelope: plan.envelope,
        deadline: `${dates.deadline}T23:59:59Z`,
        rubric: RUBRIC,
      },
      fm,
    );
    await calls.transition(call.id, 'publish', fm);
    await catchUp(dates.open);
    at(dates.open);
    await calls.transition(call.id, 'open', fm);

    const submitted: Submitted[] = [];
    const openMs = day(dates.open).getTime();
    const span = day(dates.deadline).getTime() - openMs;
    for (const [i, a] of plan.applications.entries()) {
      const when = new Date(openMs + Math.floor(((i + 1) * span) / (plan.applications.length + 2)));
      clock.setNow(when);
      ngoCount += 1;
      const first = ngoCount === 1;
      const registered = await registration.registerConfirmed(
        {
          organization: {
            name: a.org,
            country: a.country,
            registrationNumber: `${a.country}-NGO-${ngoCount}`,
          },
          user: {
            email: first ? login('ngo').email : `ngo${ngoCount}@vtf-demo.org`,
            password: NGO_PASSWORD,
            name: first ? login('ngo').name : `${a.org} (member)`,
          },
        },
        SYSTEM_ACTOR,
      );
      await organizations.verify(registered.organization.id, admin);
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
      const created = await applications.create(
        call.id,
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
      await applications.submit(created.id, ngo);
      submitted.push({ plan: a, applicationId: created.id, ngo });
    }

    await catchUp(dates.close);
    at(dates.close);
    await calls.transition(call.id, 'close', fm);
    at(dates.screen);
    for (const s of submitted) {
      const eligible = s.plan.outcome !== 'ineligible';
      await applications.screen(
        s.applicationId,
        {
          eligible,
          reason: eligible
            ? 'Registered NGO giving direct assistance; budget within the call'
            : 'The organization could not show two years of activity with victims of trafficking',
        },
        fm,
      );
    }
    at(dates.assign);
    const eligible = submitted.filter((s) => s.plan.outcome !== 'ineligible');
    for (const [i, s] of eligible.entries()) {
      for (const r of [reviewers[i % 3], reviewers[(i + 1) % 3]]) {
        const assignment = await reviews.assign(s.applicationId, r.userId!, fm);
        const good = s.plan.outcome === 'approve';
        const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
        await reviews.score(
          assignment.id,
          {
            scores: [
              {
                criterion: 'relevance',
                score: good ? pick(7, 10) : pick(3, 6),
                comment: good
                  ? 'Clear focus on identified victims'
                  : 'Focus on prevention rather than victims',
              },
              {
                criterion: 'capacity',
                score: good ? pick(3, 5) : pick(2, 3),
                comment: good ? 'Experienced staff and partners' : 'Thin staffing for the activities',
              },
              {
                criterion: 'value',
                score: good ? pick(3, 5) : pick(1, 3),
                comment: good ? 'Reasonable unit costs' : 'High overheads',
              },
            ],
          },
          r,
        );
        await reviews.submit(assignment.id, r);
      }
    }
    return { callId: call.id, submitted };
  };

  const decide = async (s: Submitted, schedule: TrancheSpec[]) => {
    if (s.plan.outcome === 'approve') {
      const d = await decisions.decide(
        s.applicationId,
        {
          decision: 'approve',
          amount: s.plan.requested,
          tranches: schedule,
          note: 'Approved on the ranking',
        },
        fm,
      );
      s.grantId = d.grantId!;
    } else {
      await decisions.decide(
        s.applicationId,
        { decision: 'reject', note: 'Below the funding line of the ranking' },
        fm,
      );
    }
  };
  const signAndPay = async (list: Submitted[], sign: string, pay: string) => {
    at(sign);
    for (const s of list) await agreements.sign(s.grantId!, fm);
    at(pay);
    for (const s of list)
      await disbursements.disburse(s.grantId!, 1, { reference: `PAY-${pay}`, effectiveAt: pay }, finance);
  };
  const report = async (
    list: Submitted[],
    periodEnd: string,
    dates: { submit: string; accept: string; pay?: string; tranche?: number },
    final = false,
  ) => {
    const counts = victimsFor(
      rnd,
      list.map((s) => s.plan),
    );
    const reportIds: string[] = [];
    at(dates.submit);
    for (const [i, s] of list.entries()) {
      const r = await grantReports.submitReport(
        s.grantId!,
        {
          periodEnd,
          spent: Math.floor((s.plan.requested * 3) / 10 / 100) * 100,
          narrative: `Activities to ${periodEnd}: survivors received ${s.plan.services.join(', ')}.`,
          final,
          victimsAssisted: s.plan.services.map((service, k) => ({
            service,
            country: s.plan.country,
            count: counts[i][k],
          })),
        },
        s.ngo,
      );
      reportIds.push(r.id);
    }
    at(dates.accept);
    for (const [i, s] of list.entries())
      await grantReports.decideReport(s.grantId!, reportIds[i], true, { comment: 'Accepted' }, fm);
    if (dates.pay && dates.tranche) {
      at(dates.pay);
      for (const s of list)
        await disbursements.disburse(
          s.grantId!,
          dates.tranche,
          { reference: `PAY-${dates.pay}`, effectiveAt: dates.pay },
          finance,
        );
    }
  };

  // ---- the 2011 call: 14 grants, three tranches, reports for 2012-2014 ---------------------------------
  const c2011 = await intake(plan2011, {
    create: '2011-03-01',
    open: '2011-03-15',
    deadline: '2011-06-30',
    close: '2011-07-01',
    screen: '2011-07-11',
    assign: '2011-08-01',
  });
  await catchUp('2011-12-01');
  at('2011-12-01');
  for (const s of c2011.submitted.filter((x) => x.plan.outcome !== 'ineligible'))
    await decide(s, SCHEDULE_2011);
  const funded2011 = c2011.submitted.filter((s) => s.grantId);
  log(`2011 call: ${c2011.submitted.length} applications, ${funded2011.length} grants`);
  await catchUp('2012-01-10');
  await signAndPay(funded2011, '2012-01-10', '2012-01-20');
  await catchUp('2013-01-15');
  await report(funded2011, '2012-12-31', {
    submit: '2013-01-15',
    accept: '2013-02-01',
    pay: '2013-02-15',
    tranche: 2,
  });
  await catchUp('2014-01-15');
  await report(funded2011, '2013-12-31', {
    submit: '2014-01-15',
    accept: '2014-02-03',
    pay: '2014-02-17',
    tranche: 3,
  });

  // ---- the 2014 call: 16 grants approved in two rounds as the money came in ------------------------------
  const c2014 = await intake(plan2014, {
    create: '2014-05-02',
    open: '2014-05-15',
    deadline: '2014-08-29',
    close: '2014-09-01',
    screen: '2014-09-10',
    assign: '2014-10-01',
  });
  await catchUp('2015-01-15');
  await report(funded2011, '2014-12-31', { submit: '2015-01-15', accept: '2015-02-02' }, true);

  await catchUp('2015-03-16');
  at('2015-03-16');
  const roundA: Submitted[] = [];
  for (const s of c2014.submitted.filter((x) => x.plan.outcome === 'approve')) {
    const { available } = await balance.now(fund.id, clock.now());
    const needed = s.plan.requested + applyBps(s.plan.requested, FUND.pscRateBps);
    if (available < needed) break;
    await decide(s, SCHEDULE_2014);
    roundA.push(s);
  }
  await catchUp('2015-04-01');
  await signAndPay(roundA, '2015-04-01', '2015-04-15');

  await catchUp('2015-11-30');
  at('2015-11-30');
  const roundB = c2014.submitted.filter(
    (s) => s.plan.outcome !== 'ineligible' && !s.grantId && !roundA.includes(s),
  );
  for (const s of roundB) await decide(s, SCHEDULE_2014);
  const fundedB = roundB.filter((s) => s.grantId);
  log(`2014 call: ${c2014.submitted.length} applications, ${roundA.length + fundedB.length} grants`);
  await catchUp('2015-12-07');
  await signAndPay(fundedB, '2015-12-07', '2015-12-14');
  await catchUp('2016-01-20');
  await report(roundA, '2015-12-31', {
    submit: '2016-01-20',
    accept: '2016-02-01',
    pay: '2016-03-01',
    tranche: 2,
  });
  await catchUp('2016-04-01');
  if (moneyIn.length || costs.length) throw new Error('the demo plan has entries after March 2016');
  const b = await balance.asOf(fund.id, new Date('2016-03-31T23:59:59.999Z'));
  log(`as of 2016-03-31: received ${b.received / 100} USD, available ${b.available / 100} USD`);
  return fund.id;
}
