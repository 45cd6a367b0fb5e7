import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import type { CompanyInvitationEntity, InvitationForInvitee, InvitationStatus } from '@bisang/database';
import { emailForm } from '../../auth/dto/register.dto';

export class CreateInvitationDto {
  @ApiProperty({ example: 'recruiter@daegu-precision.kr', description: 'the address of the recruiter to invite (whether it has an account is never revealed)' })
  @Transform(emailForm)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;
}

export class InvitationCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
}

/** An invitation as its company's staff see it. */
export class CompanyInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'cancelled'] }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;

  static from(i: CompanyInvitationEntity): CompanyInvitationDto {
    return { id: i.id, email: i.email, status: i.status, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() };
  }
}

export class CompanyInvitationListDto {
  @ApiProperty({ type: [CompanyInvitationDto] }) items: CompanyInvitationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: at most 100 pending invitations are listed' }) nextCursor: null;
}

class InvitingCompanyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** An invitation as the invitee sees it: only the inviting company's name, nothing else of it until they accept. */
export class MyInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
  @ApiProperty({ type: InvitingCompanyDto }) company: InvitingCompanyDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;

  static from(i: InvitationForInvitee): MyInvitationDto {
    return {
      id: i.id,
      status: 'pending',
      company: { id: i.companyId, name: i.companyName },
      createdAt: new Date(i.createdAt).toISOString(),
      expiresAt: new Date(i.expiresAt).toISOString(),
    };
  }
}

export class MyInvitationListDto {
  @ApiProperty({ type: [MyInvitationDto] }) items: MyInvitationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: at most 100 pending invitations are listed' }) nextCursor: null;
}

export class InvitationAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['accepted'] }) status: 'accepted';
  @ApiProperty({ format: 'uuid', description: 'the company the caller now acts for' }) companyId: string;
}

export class InvitationDeclinedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['declined'] }) status: 'declined';
}
