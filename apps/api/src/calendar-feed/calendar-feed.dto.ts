import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedDto {
  @ApiProperty({ example: 'webcal://bisang.example/api/v1/calendar-feed?token=…', description: 'private: whoever has it sees the calendar; rotate to revoke' })
  url: string;
}
