import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, NotFoundError } from '@app/core';
import { FundsService } from '@app/funds';
import { ContributionsService } from '../contributions.service';
import { DonorsRepository } from '../repositories/donors.repository';
import { receiptPdf } from './receipt-pdf';

/** The donor's receipt of a contribution, as a PDF (void once the contribution is reversed). */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contributions: ContributionsService,
    private readonly donors: DonorsRepository,
    private readonly funds: FundsService,
  ) {}

  async receipt(id: string, actor: Actor): Promise<StreamableFile> {
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
      receivedAt: c.receivedAt,
      amount: c.amount,
      currency: c.currency,
      usdRate: c.usdRate,
      usdAmount: c.usdAmount,
      fundCurrency: fund.currency.trim(),
      void: c.receiptVoid,
      reversalReason: c.reversalReason,
    });
    return new StreamableFile(doc, {
      type: 'application/pdf',
      disposition: `inline; filename="receipt-${c.receiptNumber}.pdf"`,
    });
  }
}
