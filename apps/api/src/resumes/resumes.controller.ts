import { Controller, Delete, Get, Header, HttpCode, Param, Put, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedUser, CurrentUser, OwnedBy, Roles } from '@bisang/auth';
import { ApiFileResponse, MULTIPART_ROUTE, uuidParam } from '@bisang/common';
import { ResumeDto } from './dto/resume.dto';
import { readFilePart } from '../uploads/file-part';
import { attachmentDisposition } from './file-name';
import { ResumeAccessPolicy } from './resume-access.policy';
import { RESUME_MAX_BYTES, RESUME_UPLOAD_ERRORS } from './resumes.errors';
import { ResumesService } from './resumes.service';

@ApiTags('profiles')
@ApiBearerAuth()
@Controller()
export class ResumesController {
  constructor(private readonly resumes: ResumesService) {}

  @Put('me/resume')
  @Roles('seeker')
  @RouteConfig(MULTIPART_ROUTE)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ResumeDto, description: 'replaces the previous resume; 400 NOT_A_PDF, 413 FILE_TOO_LARGE (5 MB)' })
  async upload(@CurrentUser() user: AuthenticatedUser, @Req() req: FastifyRequest): Promise<ResumeDto> {
    const file = await readFilePart(req, 'file', RESUME_MAX_BYTES, RESUME_UPLOAD_ERRORS);
    return ResumeDto.from(await this.resumes.upload(user.id, file));
  }

  @Get('me/resume')
  @Roles('seeker')
  @ApiOkResponse({ type: ResumeDto })
  @ApiNotFoundResponse({ description: 'RESUME_NOT_FOUND' })
  async getOwn(@CurrentUser() user: AuthenticatedUser): Promise<ResumeDto> {
    return ResumeDto.from(await this.resumes.getOwn(user.id));
  }

  @Delete('me/resume')
  @HttpCode(204)
  @Roles('seeker')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'RESUME_NOT_FOUND' })
  async deleteOwn(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.resumes.deleteOwn(user.id);
  }

  @Get('resumes/:resumeId/file')
  @OwnedBy(ResumeAccessPolicy, 'resumeId')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiFileResponse('application/pdf', 'the PDF; for the seeker and staff of booths the seeker applied to, queues at or chats with (404 for anyone else)')
  async download(@Param('resumeId', uuidParam('resumeId')) resumeId: string): Promise<StreamableFile> {
    const { resume, stream } = await this.resumes.open(resumeId);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      length: resume.sizeBytes,
      disposition: attachmentDisposition(resume.fileName),
    });
  }
}
