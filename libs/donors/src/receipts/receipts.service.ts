import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { zipSync, type Zippable } from 'fflate';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, APP_CONFIG, Clock, hasRole, NotFoundError } from '@app/core';
import type { AppConfig } from '@app/core';
import { FundLogoService, FundsService } from '@app/funds';
import { Scope } from '@app/identity';
import { ContributionsService } from '../contributions.service';
import { ContributionView, DonorView } from '../dto/donors.dto';
import { ContributionsRepository } from '../repositories/contributions.repository';
import { DonorsRepository } from '../repositories/donors.repository';
import { DocumentReader } from './document-reader';
import { receiptCode, receiptNumberOf } from './receipt-code';
import { receiptPdf } from './receipt-pdf';
import { ReceiptVerificationView } from './receipt-verification.view';

/** At most this many receipts in one year's archive (a donor gives a few times a year). */
export const YEAR_ARCHIVE_MAX = 1000;

/** The whole PDF of a pdfkit document, once it has ended. */
function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The donor's receipt of a contribution, as a PDF (void once the contribution is reversed). */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contributions: ContributionsService,
    private readonly contributionRows: ContributionsRepository,
    private readonly donors: DonorsRepository,
    private readonly funds: FundsService,
    private readonly logos: FundLogoService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The public address that confirms a receipt; its code is derived from the receipt number. */
  verifyUrl(receiptNumber: string): string {
    const code = receiptCode(this.config.jwtSecret, receiptNumber);
    return `${this.config.publicUrl}/api/public/receipts/verify/${encodeURIComponent(code)}`;
  }

  async receipt(id: string, actor: Actor, reader?: DocumentReader): Promise<StreamableFile> {
    const c = await this.contributions.get(id, actor);
    const em = this.dataSource.manager;
    const donor = await this.donors.findById(em, c.donorId);
    if (!donor) throw new NotFoundError('donor', c.donorId);
    const doc = await this.pdf(em, c, donor, reader);
    return new StreamableFile(doc, {
      type: 'application/pdf',
      disposition: `inline; filename="receipt-${c.receiptNumber}.pdf"`,
    });
  }

  /**
   * Every receipt of a donor's contributions received in a calendar year (UTC), one PDF each, in one ZIP
   * named by receipt number. A donor user reads only its own (another donor's is 404); finance reads every
   * donor's, limited to the funds it may see. Void receipts are included, marked VOID as on their own.
   */
  async yearArchive(
    donorId: string,
    year: number,
    actor: Actor,
    reader?: DocumentReader,
  ): Promise<StreamableFile> {
    const em = this.dataSource.manager;
    const donor = await this.donors.findById(em, donorId);
    if (!donor) throw new NotFoundError('donor', donorId);
    Scope.assertDonor(actor, donorId, 'donor', donorId);
    const fundIds = hasRole(actor, 'finance', 'admin') && actor.fundIds.length ? actor.fundIds : null;
    const from = new Date(Date.UTC(year, 0, 1));
    const to = new Date(Date.UTC(year + 1, 0, 1));
    const rows = await this.contributionRows.receivedBetween(
      em,
      donorId,
      from,
      to,
      fundIds,
      YEAR_ARCHIVE_MAX,
    );
    const files: Zippable = {};
    for (const c of rows) {
      files[`receipt-${c.receiptNumber}.pdf`] = [
        await pdfBytes(await this.pdf(em, c, donor, reader)),
        { level: 0 },
      ];
    }
    const zip = zipSync(files, { mtime: to });
    return new StreamableFile(Buffer.from(zip), {
      type: 'application/zip',
      length: zip.byteLength,
      disposition: `attachment; filename="receipts-${year}.zip"`,
    });
  }

  private async pdf(
    em: EntityManager,
    c: ContributionView,
    donor: DonorView,
    reader?: DocumentReader,
  ): Promise<PDFKit.PDFDocument> {
    const fund = await this.funds.getIn(em, c.fundId);
    return receiptPdf({
      receiptNumber: c.receiptNumber,
      fundName: fund.name,
      fundCode: fund.code,
      donorName: donor.name,
      donorType: donor.type,
      donorCountry: donor.country,
      receivedAt: c.receivedAt,
      amount: c.amount,
      currency: c.currency,
      usdRate: c.usdRate,
      usdAmount: c.usdAmount,
      fundCurrency: fund.currency.trim(),
      void: c.receiptVoid,
      reversalReason: c.reversalReason,
      locale: reader?.locale,
      generatedBy: reader?.name,
      generatedAt: this.clock.now(),
      verifyUrl: this.verifyUrl(c.receiptNumber),
      logo: await this.logos.letterheadIn(em, c.fundId),
    });
  }

  /**
   * What a paper receipt's code confirms, for anyone and without sign-in: the number, date, amounts and
   * whether the receipt is void, never the donor. A forged, altered or unknown code is a 404.
   */
  async verify(code: string): Promise<ReceiptVerificationView> {
    const receiptNumber = receiptNumberOf(this.config.jwtSecret, code);
    if (!receiptNumber) throw new NotFoundError('receipt', code.slice(0, 100));
    const em = this.dataSource.manager;
    const c = await this.contributionRows.findByReceiptNumber(em, receiptNumber);
    if (!c) throw new NotFoundError('receipt', receiptNumber);
    const fund = await this.funds.getIn(em, c.fundId);
    return {
      receiptNumber: c.receiptNumber,
      receivedOn: c.receivedAt.slice(0, 10),
      amount: c.amount,
      currency: c.currency,
      fundAmount: c.usdAmount,
      fundCurrency: fund.currency.trim(),
      fundName: fund.name,
      void: c.receiptVoid,
      voidedOn: c.reversedAt ? c.reversedAt.slice(0, 10) : null,
    };
  }
}
