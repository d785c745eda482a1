import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TokenView } from './identity.dto';

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/** A successful sign-in, refresh or two-factor step. */
export class SignedInView extends TokenView {
  @ApiProperty({ enum: ['signed_in'] }) status: 'signed_in';
  @ApiProperty({
    description:
      'Opaque, single use: rotated on every refresh. Browsers also get it as an HttpOnly cookie on /api/auth.',
  })
  refreshToken: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({
    description:
      'True for a role that needs two-factor sign-in but has not enrolled: the access token then only ' +
      'allows GET /api/me, the /api/me/mfa enrolment routes and sign-out (403 /problems/mfa-enrolment-required otherwise).',
  })
  mfaEnrolmentRequired: boolean;
}

/** The password was right; the second factor is needed (POST /api/auth/mfa). */
export class MfaRequiredView {
  @ApiProperty({ enum: ['mfa_required'] }) status: 'mfa_required';
  @ApiProperty({ description: 'Single use, valid 5 minutes' }) stepToken: string;
  @ApiProperty({ example: 300 }) expiresIn: number;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'API clients; browsers send the cookie instead' })
  @IsOptional()
  @IsString()
  @Matches(TOKEN)
  refreshToken?: string;
}

export class MfaStepDto {
  @ApiProperty()
  @IsString()
  @Matches(TOKEN)
  stepToken: string;

  @ApiPropertyOptional({ example: '123456', description: 'The 6-digit code of the authenticator app' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  code?: string;

  @ApiPropertyOptional({
    example: 'abcd-efgh-ijkl',
    description: 'One of the recovery codes, instead of a code',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  recoveryCode?: string;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Firefox 128 on Windows', description: 'From the user agent' }) device: string;
  @ApiProperty({ nullable: true, type: String, example: '203.0.113.7' }) address: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() lastUsedAt: Date;
  @ApiProperty({ description: 'The session of this request' }) current: boolean;
}

export class LoggedOutView {
  @ApiProperty({ description: 'Sessions ended' }) revoked: number;
}

export class PasswordResetDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class AcceptedView {
  @ApiProperty({ example: 'If the address has an account, a link to set a new password is on its way.' })
  message: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty()
  @IsString()
  @Matches(TOKEN)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword: string;
}

export class MfaEnrolmentView {
  @ApiProperty({ example: 'otpauth://totp/Trust%20Fund%20Grants:amina%40example.org?secret=...' })
  otpauthUri: string;
  @ApiProperty({ description: 'The same URI as a QR code, a PNG data URL' }) qrCode: string;
  @ApiProperty({ description: 'The secret in base32, to type in by hand' }) secret: string;
}

export class MfaConfirmDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/)
  code: string;
}

export class RecoveryCodesView {
  @ApiProperty({ type: [String], description: '10 single-use codes, shown only now' })
  recoveryCodes: string[];
}

export class MfaResetView {
  @ApiProperty() reset: boolean;
}
