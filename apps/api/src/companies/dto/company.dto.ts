import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { cleanName } from '@bisang/common';
import type { CompanyEntity } from '@bisang/database';
import type { Company, CreateCompanyInput } from '@bisang/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCompanyDto implements CreateCompanyInput {
  @ApiProperty({ example: '대구정밀(주)' })
  @Transform(cleanName)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '자동차 부품 제조' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ example: '대구 달서구' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ example: '50-99' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  size?: string;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class StaffListDto {
  @ApiProperty({ type: [StaffMemberDto] }) items: StaffMemberDto[];
}

export class CompanyDto implements Company {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true }) industry: string | null;
  @ApiProperty({ nullable: true }) region: string | null;
  @ApiProperty({ nullable: true }) size: string | null;

  static from(c: CompanyEntity): CompanyDto {
    return { id: c.id, name: c.name, industry: c.industry, region: c.region, size: c.size };
  }
}
