import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, Role } from '@app/core';
import { ApplicationsService } from '@app/applications';
import { CallDraftsService, CallsService } from '@app/calls';
import { ContributionsService, DonorsService } from '@app/donors';
import { BalanceService, FundsService, FundView } from '@app/funds';
import {
  DecisionsService,
  DisbursementsService,
  GrantAgreementService,
  GrantReportsService,
} from '@app/grants';
import { MfaService, OrganizationsService, RegistrationService, UsersService } from '@app/identity';
import { ReviewsService } from '@app/reviews';
import {
  COSTS,
  day,
  DEMO_LOGINS,
  DEMO_SEED,
  PlannedApplication,
  PlannedContribution,
  plannedContributions,
  prng,
} from '../demo-plan';

export type DemoLogin = (typeof DEMO_LOGINS)[number];
type PlannedCost = (typeof COSTS)[number];

/** An application submitted during the replay, and the grant it became if approved. */
export interface Submitted {
  plan: PlannedApplication;
  applicationId: string;
  ngo: Actor;
  grantId?: string;
}

/** The services the replay drives: the application's own use cases, nothing else. */
export interface DemoServices {
  db: DataSource;
  users: UsersService;
  mfa: MfaService;
  registration: RegistrationService;
  organizations: OrganizationsService;
  funds: FundsService;
  balance: BalanceService;
  donors: DonorsService;
  contributions: ContributionsService;
  calls: CallsService;
  callDrafts: CallDraftsService;
  applications: ApplicationsService;
  reviews: ReviewsService;
  decisions: DecisionsService;
  agreements: GrantAgreementService;
  disbursements: DisbursementsService;
  grantReports: GrantReportsService;
}

/**
 * What the steps of the replay share: the services, the shared Clock, one pseudo-random sequence (drawn in
 * the same order on every run, so the demo fund is the same byte for byte) and what earlier steps made.
 * The `!` fields are set by the step that creates them (staff, fund, donors) before any later step reads them.
 */
export interface DemoContext {
  readonly s: DemoServices;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  readonly rnd: () => number;
  admin: Actor;
  fm: Actor;
  finance: Actor;
  reviewers: Actor[];
  fund: FundView;
  memberStateIds: string[];
  privateIds: string[];
  /** Contributions and fund-level costs not replayed yet, in date order. */
  moneyIn: PlannedContribution[];
  costs: PlannedCost[];
  /** NGOs registered so far (their registration numbers and e-mails count on). */
  ngoCount: number;
}

export function actorOf(userId: string, roles: Role[], links: Partial<Actor> = {}): Actor {
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

export function login(role: string): DemoLogin {
  return DEMO_LOGINS.find((l) => l.role === role)!;
}

/** Moves the shared clock to noon (or `hour`) UTC of a day. */
export function at(ctx: DemoContext, d: string, hour = 12): void {
  ctx.clock.setNow(day(d, hour));
}

export function demoContext(
  app: INestApplicationContext,
  clock: Clock,
  log: (line: string) => void,
): DemoContext {
  const s: DemoServices = {
    users: app.get(UsersService),
    mfa: app.get(MfaService),
    db: app.get(DataSource),
    registration: app.get(RegistrationService),
    organizations: app.get(OrganizationsService),
    funds: app.get(FundsService),
    balance: app.get(BalanceService),
    donors: app.get(DonorsService),
    contributions: app.get(ContributionsService),
    calls: app.get(CallsService),
    callDrafts: app.get(CallDraftsService),
    applications: app.get(ApplicationsService),
    reviews: app.get(ReviewsService),
    decisions: app.get(DecisionsService),
    agreements: app.get(GrantAgreementService),
    disbursements: app.get(DisbursementsService),
    grantReports: app.get(GrantReportsService),
  };
  return {
    s,
    clock,
    log,
    rnd: prng(DEMO_SEED + 2),
    moneyIn: plannedContributions(),
    costs: [...COSTS],
    ngoCount: 0,
  } as Partial<DemoContext> as DemoContext;
}
