import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblemView, PageOf } from '@app/core';
import {
  BankInput,
  DeclarationInput,
  OfficeInput,
  PersonInput,
  PseaInput,
  RegistrationInput,
  BudgetYearInput,
} from './dto/profile.dto';

export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: [
      'registration_certificate',
      'statutes',
      'audited_financials',
      'psea_policy',
      'bank_letter',
      'other',
    ],
  })
  type: string;
  @ApiProperty() filename: string;
  @ApiProperty() mime: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) expiresOn: string | null;
  @ApiProperty({ description: 'expired on the day it was read' }) expired: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ProfileView {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ nullable: true, type: String }) legalName: string | null;
  @ApiProperty({ type: [String] }) otherNames: string[];
  @ApiProperty({ type: [String] }) acronyms: string[];
  @ApiPropertyOptional({ type: RegistrationInput }) registration?: RegistrationInput;
  @ApiPropertyOptional() yearFounded?: number;
  @ApiPropertyOptional({ type: OfficeInput }) office?: OfficeInput;
  @ApiPropertyOptional({ type: PersonInput }) head?: PersonInput;
  @ApiPropertyOptional({ type: [PersonInput] }) keyPeople?: PersonInput[];
  @ApiPropertyOptional() mandate?: string;
  @ApiPropertyOptional({ type: [String] }) populations?: string[];
  @ApiPropertyOptional({ type: [BudgetYearInput] }) budgets?: BudgetYearInput[];
  @ApiPropertyOptional({ type: PseaInput }) psea?: PseaInput;
  @ApiPropertyOptional() antiFraudPolicy?: boolean;
  @ApiPropertyOptional({ type: DeclarationInput }) declaration?: DeclarationInput;
  @ApiProperty({ type: BankInput, nullable: true }) bank: BankInput | null;
  @ApiProperty({
    type: BankInput,
    nullable: true,
    description: 'a change of bank details waiting for approval',
  })
  pendingBank: BankInput | null;
  @ApiProperty({ description: 'payments are suspended until a fund manager approves the bank change' })
  paymentsSuspended: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: Date }) dueDiligenceVerifiedAt: Date | null;
  @ApiProperty({ type: [FieldProblemView], description: 'what the profile lacks before verification' })
  missing: FieldProblemView[];
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [DocumentView] }) documents: DocumentView[];
  @ApiProperty({ format: 'date-time', nullable: true, type: Date }) updatedAt: Date | null;
}

export class HitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty({ description: "the list entry's DATAID" }) dataId: string;
  @ApiProperty() entryName: string;
  @ApiProperty({ description: 'the name of the profile that matched' }) subject: string;
  @ApiProperty({ description: 'pg_trgm similarity, 0..1' }) score: number;
  @ApiProperty({ enum: ['open', 'cleared', 'confirmed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class AssessmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) answers: Record<string, number>;
  @ApiProperty({ description: 'weighted capacity score, 0..100' }) score: number;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'not_eligible'] }) level: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assessedBy: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the rater's display name (from identity); null when the system rated",
  })
  assessedByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ObservationEventView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) by: string | null;
  @ApiProperty({ enum: ['raised', 'escalated', 'resolved'] }) action: string;
  @ApiProperty({ enum: ['yellow', 'red'] }) level: string;
  @ApiProperty() note: string;
}

export class ObservationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: ['yellow', 'red'] }) level: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: string;
  @ApiProperty({ type: [ObservationEventView] }) history: ObservationEventView[];
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class DuplicateView {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: ['registration', 'bank_account'] }) reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class PartnerOrganizationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() registrationNumber: string;
  @ApiProperty({ description: "the contract's verification" }) verified: boolean;
}

/** What the verifier sees: the profile, its checklist, hits, risk history, observations and duplicates. */
export class DueDiligenceView {
  @ApiProperty({ type: PartnerOrganizationView }) organization: PartnerOrganizationView;
  @ApiProperty({ type: ProfileView }) profile: ProfileView;
  @ApiProperty({ type: [HitView] }) hits: HitView[];
  @ApiProperty({ type: [AssessmentView] }) assessments: AssessmentView[];
  @ApiProperty({ type: [ObservationView] }) observations: ObservationView[];
  @ApiProperty({ type: [DuplicateView] }) duplicates: DuplicateView[];
  @ApiProperty({ description: 'no open or confirmed hit, no open red flag, no pending bank change' })
  clear: boolean;
}

export class FundSettingsView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() dueDiligenceRequired: boolean;
  @ApiProperty() verificationYears: number;
  @ApiProperty() lowMin: number;
  @ApiProperty() mediumMin: number;
  @ApiProperty() highMin: number;
  @ApiProperty({ nullable: true, type: 'integer', format: 'int64' }) maxAwardLow: number | null;
  @ApiProperty({ nullable: true, type: 'integer', format: 'int64' }) maxAwardMedium: number | null;
  @ApiProperty({ nullable: true, type: 'integer', format: 'int64' }) maxAwardHigh: number | null;
  @ApiProperty() reportMonthsLow: number;
  @ApiProperty() reportMonthsMedium: number;
  @ApiProperty() reportMonthsHigh: number;
}

export class SanctionsListView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['upload', 'url'] }) source: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: Date }) dateGenerated: Date | null;
  @ApiProperty() sha256: string;
  @ApiProperty({ description: 'individuals and entities' }) entries: number;
  @ApiProperty({ description: 'names and aliases screened against' }) names: number;
  @ApiProperty({ format: 'date-time' }) importedAt: Date;
}

export class RatingSummaryView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'not_eligible'] }) level: string;
  @ApiProperty({ description: 'weighted capacity score, 0..100' }) score: number;
  @ApiProperty({ format: 'date-time' }) at: Date;
}

/** One organization in the verifiers' list: where its due diligence stands. */
export class PartnerSummaryView {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'NG' }) country: string;
  @ApiProperty({ description: "the contract's verification (POST /api/organizations/:id/verify)" })
  verified: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: Date }) dueDiligenceVerifiedAt: Date | null;
  @ApiProperty({ description: 'the profile and its documents are complete' }) complete: boolean;
  @ApiProperty({ description: 'how many things the profile lacks' }) missing: number;
  @ApiProperty({ description: 'screening hits waiting for a fund manager' }) openHits: number;
  @ApiProperty({ description: 'confirmed hits (the organization is blocked)' }) confirmedHits: number;
  @ApiProperty() bankChangePending: boolean;
  @ApiProperty({ description: 'open red-flag observations' }) redFlags: number;
  @ApiProperty({ description: 'organizations linked as possible duplicates' }) duplicates: number;
  @ApiProperty({ type: [RatingSummaryView], description: "the current rating in each of the reader's funds" })
  ratings: RatingSummaryView[];
}

export class PartnerSummaryPage extends PageOf(PartnerSummaryView) {}
