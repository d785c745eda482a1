import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { ReceiptsService } from './receipts.service';
import { ReceiptVerificationView } from './receipt-verification.view';

@ApiTags('donors')
@Controller('public/receipts')
export class PublicReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  /** The address a receipt's QR code opens: an auditor checks a paper copy without signing in. */
  @Public()
  @Get('verify/:code')
  @ApiOperation({
    operationId: 'verifyReceipt',
    summary: 'Verify a receipt',
    description:
      "Confirms a receipt's number, date, amounts and whether it is void, from the verification code printed " +
      'on it (QR code and short address); the donor is never named. A forged or altered code is a 404.',
  })
  @ApiParam({ name: 'code', example: 'VTF-2015-0001.K7QM3XZ9PA4T6BWD' })
  @ApiOkResponse({ type: ReceiptVerificationView })
  @ApiNotFoundResponse({ description: 'RECEIPT.NOT_FOUND: no receipt has this code' })
  verify(@Param('code') code: string): Promise<ReceiptVerificationView> {
    return this.receipts.verify(code);
  }
}
