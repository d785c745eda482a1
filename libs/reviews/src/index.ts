export { ReviewsModule } from './reviews.module';
export { ReviewsJobsModule } from './reviews-jobs.module';
export { ReviewsService } from './reviews.service';
export { rank, reviewScore, DEFAULT_SPREAD_THRESHOLD } from './domain/scoring';
export type { RankingItem } from './domain/scoring';
