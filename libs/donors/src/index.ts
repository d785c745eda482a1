export { DonorsModule } from './donors.module';
export { DonorsJobsModule } from './donors-jobs.module';
export { DonorsService } from './donors.service';
export { ContributionsService } from './contributions.service';
export { toContributionView } from './repositories/contributions.repository';
export { formatMinor, receiptPdf } from './receipts/receipt-pdf';
export type { ContributionView, DonorView, PledgeView } from './dto/donors.dto';
