import { PageOf } from '@app/core';
import { CostItem, ExchangeRateView, FundView } from './funds.dto';

/** All the funds the caller may see, in one page (`nextCursor` is always null). */
export class FundList extends PageOf(FundView) {}

export class ExchangeRatePage extends PageOf(ExchangeRateView) {}

/** A fund's costs, the latest incurred first. */
export class CostPage extends PageOf(CostItem) {}
