import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney } from '@app/core';

/** What a receipt's verification code confirms (issue 22): never the donor. */
export class ReceiptVerificationView {
  @ApiProperty({ example: 'VTF-2015-0001' }) receiptNumber: string;
  @ApiProperty({ format: 'date', example: '2015-06-30' }) receivedOn: string;
  @ApiMoney({ description: 'in the currency received, minor units' }) amount: number;
  @ApiProperty({ example: 'JPY' }) currency: string;
  @ApiMoney({ description: "in the fund's currency, minor units" }) fundAmount: number;
  @ApiProperty({ example: 'USD' }) fundCurrency: string;
  @ApiProperty() fundName: string;
  @ApiProperty({ description: 'true once the contribution was reversed' }) void: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) voidedOn: string | null;
}
