import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { KpisDto } from './dto/kpis.dto';
import { CsvExport, KpiExportsService } from './kpi-exports.service';
import { KpisService } from './kpis.service';

const csvFile = ({ filename, body }: CsvExport) =>
  new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });

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

  @Get('exports/hires.csv')
  @Roles('organizer')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: "the fair's hires as CSV (UTF-8 with BOM)" })
  @ApiNotFoundResponse()
  async hires(@Param('fairId', uuidParam('fairId')) fairId: string): Promise<StreamableFile> {
    return csvFile(await this.exports.hires(fairId));
  }

  @Get('exports/applications.csv')
  @Roles('organizer')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: "the fair's applications as CSV (UTF-8 with BOM)" })
  @ApiNotFoundResponse()
  async applications(@Param('fairId', uuidParam('fairId')) fairId: string): Promise<StreamableFile> {
    return csvFile(await this.exports.applications(fairId));
  }
}
