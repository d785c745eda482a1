import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { APP_CONFIG, currencyExponent, SYSTEM_ACTOR } from '@app/core';
import { FundsService } from '@app/funds';
import { GrantsReportService, neutralise } from '@app/reports';
import { decimalOf } from './domain/decimal';
import { PublicCallView } from './dto/open-data.dto';
import { FeedsRepository, OpenCall } from './feeds.repository';

/** What private donors without consent are summed as in the public downloads. */
export const PRIVATE_DONORS = 'private donors';

/**
 * The public feeds: the open calls as JSON and Atom (for other sites to embed) and the CSV downloads of
 * contributions by donor and year and of grants by country and service. Each answer depends on the data
 * only (the feed's `updated` is the latest call change), so its ETag changes only when the data does.
 */
@Injectable()
export class FeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: FeedsRepository,
    private readonly funds: FundsService,
    private readonly grantsReports: GrantsReportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async fundFilter(fundId: string | undefined): Promise<string | null> {
    if (!fundId) return null;
    await this.funds.getIn(this.dataSource.manager, fundId); // 404 for an unknown fund
    return fundId;
  }

  private url(c: OpenCall): string {
    return `${this.config.publicUrl}/calls/${c.id}`;
  }

  async openCalls(fundId: string | undefined): Promise<PublicCallView[]> {
    const calls = await this.repo.openCalls(this.dataSource.manager, await this.fundFilter(fundId));
    return calls.map((c) => ({
      id: c.id,
      fundId: c.fundId,
      title: c.title,
      description: c.description,
      themes: c.themes,
      eligibleCountries: c.eligibleCountries,
      minAward: c.minAward,
      maxAward: c.maxAward,
      currency: c.currency,
      deadline: c.deadline,
      url: this.url(c),
    }));
  }

  /** The open calls as an Atom 1.0 feed (the `feed` library writes and escapes it). */
  async openCallsAtom(fundId: string | undefined): Promise<string> {
    const calls = await this.repo.openCalls(this.dataSource.manager, await this.fundFilter(fundId));
    const base = this.config.publicUrl;
    const updated = new Date(Math.max(0, ...calls.map((c) => c.updatedAt.getTime())));
    const self = `${base}/api/public/calls.atom${fundId ? `?fundId=${fundId}` : ''}`;
    const feed = new Feed({
      title: 'Open calls for proposals',
      description: 'Calls for proposals open for applications now',
      id: self,
      link: `${base}/calls`,
      language: 'en',
      updated,
      copyright: 'CC BY 4.0',
      feedLinks: { atom: self },
    });
    for (const c of calls) {
      const exp = currencyExponent(c.currency);
      feed.addItem({
        title: c.title,
        id: `urn:uuid:${c.id}`,
        link: this.url(c),
        description:
          `Awards of ${decimalOf(c.minAward, exp)} to ${decimalOf(c.maxAward, exp)} ${c.currency}; ` +
          `deadline ${c.deadline.toISOString()}`,
        content: c.description,
        date: c.updatedAt,
        published: c.openedAt ?? c.updatedAt,
        category: c.themes.map((t) => ({ name: t, term: t })),
      });
    }
    return feed.atom1();
  }

  /**
   * Contributions received by donor and year, in USD: member states by name, private donors by name only
   * with their consent (open-data's donor setting), the others summed as one "private donors" row a year.
   */
  async contributionsCsv(fundId: string | undefined): Promise<string> {
    const sums = await this.repo.contributionsByDonorYear(
      this.dataSource.manager,
      await this.fundFilter(fundId),
    );
    const rows = new Map<string, { year: number; donor: string; type: string; usd: number }>();
    for (const s of sums) {
      const named = s.donorType === 'member_state' || s.publicConsent;
      const donor = named ? s.donorName : PRIVATE_DONORS;
      const k = `${s.year}|${named ? 'n' : 'p'}|${donor}`;
      const row = rows.get(k) ?? { year: s.year, donor, type: s.donorType, usd: 0 };
      row.usd += s.usdAmount;
      rows.set(k, row);
    }
    const sorted = [...rows.values()].sort(
      (a, b) =>
        a.year - b.year ||
        Number(a.donor === PRIVATE_DONORS) - Number(b.donor === PRIVATE_DONORS) ||
        (a.donor < b.donor ? -1 : a.donor > b.donor ? 1 : 0),
    );
    return stringify(
      sorted.map((r) => [r.year, neutralise(r.donor), r.type, decimalOf(r.usd, 2), 'USD']),
      { header: true, columns: ['year', 'donor', 'donor_type', 'amount', 'currency'] },
    );
  }

  /**
   * Grants by country and service: the grants report's figures (a grant in several countries or services
   * shared equally, so the rows add up to the fund), in the fund's currency. One fund is required: funds
   * may keep different currencies.
   */
  async grantsCsv(fundId: string): Promise<string> {
    const report = await this.grantsReports.grants(fundId, ['country', 'service'], SYSTEM_ACTOR);
    const exp = currencyExponent(report.currency);
    return stringify(
      report.items.map((r) => [
        r.country,
        r.service,
        r.count,
        decimalOf(r.committed, exp),
        decimalOf(r.disbursed, exp),
        decimalOf(r.returned, exp),
        report.currency,
      ]),
      {
        header: true,
        columns: ['country', 'service', 'grants', 'committed', 'disbursed', 'returned', 'currency'],
      },
    );
  }
}
