import { Body, Controller, Get, Param, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@bisang/auth';
import { ApiFileResponse, uuidParam } from '@bisang/common';
import { KpiTargetsDto, KpisDto } from './dto/kpis.dto';
import { CsvExport, KpiExportsService } from './kpi-exports.service';
import { KpisService } from './kpis.service';

/** A client that stops reading for this long is dropped: an export holds a database connection while it streams. */
const EXPORT_STALL_MS = 60_000;

function csvFile(reply: FastifyReply, { filename, body }: CsvExport): StreamableFile {
  reply.raw.setTimeout(EXPORT_STALL_MS, () => reply.raw.destroy());
  return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
}

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('fairs/:fairId')
export class KpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly exports: KpiExportsService,
  ) {}

  @Get('kpis')
  @Roles('organizer')
  @ApiOkResponse({ type: KpisDto })
  @ApiForbiddenResponse({ description: 'not an organizer' })
  @ApiNotFoundResponse()
  get(@Param('fairId', uuidParam('fairId')) fairId: string): Promise<KpisDto> {
    return this.kpis.forFair(fairId);
  }

  @Put('kpi-targets')
  @Roles('organizer')
  @ApiOkResponse({ description: 'the target shares now set (fractions 0–1); kpi:update carries them', schema: { type: 'object', example: { youthShare: 0.475, regularShare: 0.758 } } })
  @ApiForbiddenResponse({ description: 'not an organizer' })
  @ApiNotFoundResponse()
  setTargets(@Param('fairId', uuidParam('fairId')) fairId: string, @Body() dto: KpiTargetsDto) {
    return this.kpis.setTargets(fairId, dto);
  }

  @Get('exports/hires.csv')
  @Roles('organizer')
  @ApiFileResponse('text/csv', "the fair's hires as CSV (UTF-8 with BOM)")
  @ApiNotFoundResponse()
  async hires(@Param('fairId', uuidParam('fairId')) fairId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return csvFile(reply, await this.exports.hires(fairId));
  }

  @Get('exports/applications.csv')
  @Roles('organizer')
  @ApiFileResponse('text/csv', "the fair's applications as CSV (UTF-8 with BOM)")
  @ApiNotFoundResponse()
  async applications(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return csvFile(reply, await this.exports.applications(fairId));
  }
}
