import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiBodyOptions,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@bisang/auth';
import { ApiFileResponse, MULTIPART_ROUTE, uuidParam } from '@bisang/common';
import { COMPANY_IMAGE_MAX_BYTES } from '@bisang/contracts';
import { readFilePart } from '../uploads/file-part';
import { IMAGE_UPLOAD_ERRORS } from './companies.errors';
import { CompanyPagesService } from './company-pages.service';
import { CompanyImageDto, CompanyPageDto, UpdateCompanyPageDto } from './dto/company-page.dto';

const IMAGE_BODY: ApiBodyOptions = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'PNG, JPEG or WebP, at most 2 MB' } } },
};

/** Public company pages, edited by the company's staff; organizers confirm the business-registration number. */
@ApiTags('companies')
@Controller()
export class CompanyPagesController {
  constructor(private readonly pages: CompanyPagesService) {}

  @Get('companies/:companyId')
  @Public()
  @ApiOperation({ summary: 'The public company page: introduction, benefits, location, business number (verified or not), logo and photos' })
  @ApiOkResponse({ type: CompanyPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: companyId is not a UUID' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('companyId', uuidParam('companyId')) companyId: string): Promise<CompanyPageDto> {
    return this.pages.get(companyId);
  }

  @Patch('companies/:companyId')
  @Roles('recruiter')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the company page (its staff); null clears an optional field; a changed business number is no longer verified' })
  @ApiOkResponse({ type: CompanyPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: e.g. a business number whose check digit is wrong' })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  update(
    @Param('companyId', uuidParam('companyId')) companyId: string,
    @Body() dto: UpdateCompanyPageDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CompanyPageDto> {
    return this.pages.update(companyId, dto, user);
  }

  @Post('companies/:companyId/business-number/verify')
  @HttpCode(200)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An organizer confirms the company’s business-registration number (the verified badge)' })
  @ApiOkResponse({ type: CompanyPageDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organizer' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'NO_BUSINESS_NUMBER: the company gave none' })
  verify(@Param('companyId', uuidParam('companyId')) companyId: string, @CurrentUser() user: AuthenticatedUser): Promise<CompanyPageDto> {
    return this.pages.verifyBusinessNumber(companyId, user);
  }

  @Put('companies/:companyId/logo')
  @Roles('recruiter')
  @ApiBearerAuth()
  @RouteConfig(MULTIPART_ROUTE)
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_BODY)
  @ApiOperation({ summary: 'Upload the logo (its staff), replacing the previous one; checked by content' })
  @ApiOkResponse({ type: CompanyImageDto })
  @ApiBadRequestResponse({ description: 'NOT_AN_IMAGE, FILE_REQUIRED, MALFORMED_UPLOAD' })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE (2 MB)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE: not multipart/form-data' })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async uploadLogo(@Param('companyId', uuidParam('companyId')) companyId: string, @Req() req: FastifyRequest, @CurrentUser() user: AuthenticatedUser): Promise<CompanyImageDto> {
    const file = await readFilePart(req, 'file', COMPANY_IMAGE_MAX_BYTES, IMAGE_UPLOAD_ERRORS);
    return this.pages.addImage(companyId, 'logo', file, user);
  }

  @Post('companies/:companyId/photos')
  @Roles('recruiter')
  @ApiBearerAuth()
  @RouteConfig(MULTIPART_ROUTE)
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_BODY)
  @ApiOperation({ summary: 'Add a photo (its staff); checked by content; 8 at most' })
  @ApiCreatedResponse({ type: CompanyImageDto })
  @ApiBadRequestResponse({ description: 'NOT_AN_IMAGE, FILE_REQUIRED, MALFORMED_UPLOAD' })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE (2 MB)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE: not multipart/form-data' })
  @ApiConflictResponse({ description: 'TOO_MANY_PHOTOS' })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async addPhoto(@Param('companyId', uuidParam('companyId')) companyId: string, @Req() req: FastifyRequest, @CurrentUser() user: AuthenticatedUser): Promise<CompanyImageDto> {
    const file = await readFilePart(req, 'file', COMPANY_IMAGE_MAX_BYTES, IMAGE_UPLOAD_ERRORS);
    return this.pages.addImage(companyId, 'photo', file, user);
  }

  @Delete('companies/:companyId/images/:imageId')
  @HttpCode(204)
  @Roles('recruiter')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove the logo or a photo (its staff)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such company, or no such image of it' })
  async deleteImage(
    @Param('companyId', uuidParam('companyId')) companyId: string,
    @Param('imageId', uuidParam('imageId')) imageId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.pages.deleteImage(companyId, imageId, user);
  }

  @Get('company-images/:imageId')
  @Public()
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  @ApiFileResponse('image/*', 'the image (PNG, JPEG or WebP); it never changes under its id')
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async image(@Param('imageId', uuidParam('imageId')) imageId: string): Promise<StreamableFile> {
    const { image, stream } = await this.pages.openImage(imageId);
    return new StreamableFile(stream, { type: image.contentType, length: image.sizeBytes });
  }
}
