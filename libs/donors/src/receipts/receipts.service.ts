import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, APP_CONFIG, Clock, NotFoundError } from '@app/core';
import type { AppConfig } from '@app/core';
import { FundsService } from '@app/funds';
import { ContributionsService } from '../contributions.service';
import { ContributionsRepository } from '../repositories/contributions.repository';
import { DonorsRepository } from '../repositories/donors.repository';
import { DocumentReader } from './document-reader';
import { receiptCode, receiptNumberOf } from './receipt-code';
import { receiptPdf } from './receipt-pdf';
import { ReceiptVerificationView } from './receipt-verification.view';

/** The donor's receipt of a contribution, as a PDF (void once the contribution is reversed). */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contributions: ContributionsService,
    private readonly contributionRows: ContributionsRepository,
    private readonly donors: DonorsRepository,
    private readonly funds: FundsService,
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
    const fund = await this.funds.getIn(em, c.fundId);
    const donor = await this.donors.findById(em, c.donorId);
    if (!donor) throw new NotFoundError('donor', c.donorId);
    const doc = receiptPdf({
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
    });
    return new StreamableFile(doc, {
      type: 'application/pdf',
      disposition: `inline; filename="receipt-${c.receiptNumber}.pdf"`,
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
