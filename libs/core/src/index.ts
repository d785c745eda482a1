export * from './auth/actor';
export { AuditService } from './audit/audit.service';
export type { AuditEntry, AuditEvent, AuditFilter } from './audit/audit.service';
export { Clock } from './clock/clock';
export { loadConfig, ConfigError } from './config/app-config';
export type { AppConfig } from './config/app-config';
export { APP_CONFIG, AppConfigModule } from './config/config.module';
export { CoreModule } from './core.module';
export { dataSourceOptions } from './database/data-source-options';
export { ReadDatabase } from './database/read-database';
export type { ReadResult } from './database/read-database';
export { isConnectionError, isPgError, pgError, PG } from './database/pg-errors';
export { ensureDatabase } from './database/server-bootstrap';
export { DueDiligenceGate } from './due-diligence/due-diligence.port';
export type {
  AwardTerms,
  DueDiligenceChecks,
  RiskLevel,
  TermTranche,
} from './due-diligence/due-diligence.port';
export * from './errors/domain-error';
export * from './errors/problem';
export { HousekeepingService } from './housekeeping/housekeeping.service';
export type { PurgeResult } from './housekeeping/housekeeping.service';
export * from './http/pagination';
export * from './http/openapi';
export * from './http/validators';
export { IdParam, ParseIdPipe } from './http/uuid-param';
export { clientAddressKey } from './http/client-address';
export { readUpload, uploadedFile } from './http/multipart';
export type { Upload, UploadLimits } from './http/multipart';
export {
  Idempotent,
  IdempotencyKey,
  IdempotencyInterceptor,
  IdempotencyKeyRequired,
} from './idempotency/idempotency.interceptor';
export { IdempotencyService } from './idempotency/idempotency.service';
export type { IdempotencyClaim } from './idempotency/idempotency.service';
export { stableStringify } from './idempotency/stable-json';
export * from './money/money';
export { decimalSeparator, formatMinor, formatMinorNumber } from './money/format';
export { OutboxService } from './outbox/outbox.service';
export { OutboxRelay } from './outbox/outbox.relay';
export type { QueueLookup } from './outbox/outbox.relay';
export * from './queue/jobs';
export { JobsHost, checkJobHandlers } from './queue/jobs-host';
export type { JobHandler, JobHandlers, JobOf } from './queue/jobs-host';
export { redisOptions } from './queue/redis-options';
export { REDIS } from './queue/redis.module';
export { redactSecrets, redactingStdout, REDACTED, SECRET_PARAMS } from './http/redact';
export { pdfText, runsOf, unicodePdf } from './pdf/unicode-pdf';
export { DocumentKit, splitFigure } from './pdf/document-kit';
export type { Align, DocumentKitOptions, TableColumn, TableSpec } from './pdf/document-kit';
export { DOCUMENT_LOCALES, documentLocale, fill, KIT_LABELS } from './pdf/kit-labels';
export type { DocumentLocale, Labels } from './pdf/kit-labels';
export { pdfBuffer } from './pdf/pdf-buffer';
export { imageTypeOf, inspectLetterheadImage } from './pdf/letterhead-image';
export type { LetterheadImage, LetterheadImageType } from './pdf/letterhead-image';
export { DocumentLang, DocumentQuery } from './pdf/document-lang';
