import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { minor } from '@app/core';

export interface FundWork {
  applicationsToScreen: number;
  reviewsOutstanding: number;
  decisionsToTake: number;
  reportsToAccept: number;
  tranchesDue: number;
}

interface FundWorkRow {
  to_screen: string;
  reviews: string;
  decisions: string;
  reports: string;
  tranches: string;
}

/**
 * The work waiting on a fund's staff, counted (reports' read model: reads applications, review_assignments,
 * calls, grants, grant_reports and grant_tranches; writes nothing).
 */
@Injectable()
export class FundWorkRepository {
  async counts(em: EntityManager, fundId: string): Promise<FundWork> {
    const [r]: FundWorkRow[] = await em.query(
      `SELECT
         (SELECT count(*) FROM applications a WHERE a.fund_id = $1 AND a.status = 'submitted') AS to_screen,
         (SELECT count(*) FROM review_assignments ra JOIN applications a ON a.id = ra.application_id
            WHERE a.fund_id = $1 AND ra.status = 'assigned' AND a.status IN ('submitted', 'eligible')) AS reviews,
         (SELECT count(*) FROM applications a JOIN calls c ON c.id = a.call_id
            WHERE a.fund_id = $1 AND a.status = 'eligible' AND c.status IN ('closed', 'under_review')) AS decisions,
         (SELECT count(*) FROM grant_reports gr JOIN grants g ON g.id = gr.grant_id
            WHERE g.fund_id = $1 AND gr.status = 'submitted') AS reports,
         (SELECT count(*) FROM grant_tranches t JOIN grants g ON g.id = t.grant_id
            WHERE g.fund_id = $1 AND g.status = 'active' AND t.state = 'due') AS tranches`,
      [fundId],
    );
    return {
      applicationsToScreen: minor(r.to_screen, 'applications to screen'),
      reviewsOutstanding: minor(r.reviews, 'reviews outstanding'),
      decisionsToTake: minor(r.decisions, 'decisions to take'),
      reportsToAccept: minor(r.reports, 'reports to accept'),
      tranchesDue: minor(r.tranches, 'tranches due'),
    };
  }
}
