import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { PrivacyConsentRecord, PrivacyConsentStatus } from '@bisang/contracts';
import { PASSWORD_MAX_LENGTH } from '@bisang/auth';

export class PrivacyConsentRecordDto implements PrivacyConsentRecord {
  @ApiProperty({ example: PRIVACY_CONSENT_VERSION }) version: string;
  @ApiProperty({ format: 'date-time' }) agreedAt: string;
}

export class PrivacyConsentStatusDto implements PrivacyConsentStatus {
  @ApiProperty({ example: PRIVACY_CONSENT_VERSION, description: 'the version of the consent text in force' }) currentVersion: string;
  @ApiProperty({ description: 'the caller agreed to the current version; when false, the web app asks again' }) agreed: boolean;
  @ApiProperty({ type: [PrivacyConsentRecordDto], description: 'every version the caller agreed to, oldest first' }) consents: PrivacyConsentRecordDto[];
}

export class AgreePrivacyConsentDto {
  @ApiProperty({ example: PRIVACY_CONSENT_VERSION, description: 'the version of the text shown (only the current one is accepted)' })
  @IsString()
  @IsIn([PRIVACY_CONSENT_VERSION], { message: `version must be the current version, ${PRIVACY_CONSENT_VERSION}` })
  version: string;
}

export class DeleteAccountDto {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH, description: 'the account password, entered again' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
