import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OwnedBy, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { ProfileDto, UpdateProfileDto } from './dto/profile.dto';
import { ProfilesService } from './profiles.service';
import { SeekerAccessPolicy } from './seeker-access.policy';

@ApiTags('profiles')
@ApiBearerAuth()
@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get('me/profile')
  @Roles('seeker')
  @ApiOkResponse({ type: ProfileDto })
  getOwn(@CurrentUser() user: AuthenticatedUser): Promise<ProfileDto> {
    return this.profiles.get(user.id, user);
  }

  @Put('me/profile')
  @Roles('seeker')
  @ApiOkResponse({ type: ProfileDto, description: 'the profile is replaced: a field left out is cleared' })
  replaceOwn(@CurrentUser() user: AuthenticatedUser, @Body() dto: UpdateProfileDto): Promise<ProfileDto> {
    return this.profiles.replaceOwn(user, dto);
  }

  @Get('seekers/:seekerId/profile')
  @OwnedBy(SeekerAccessPolicy, 'seekerId')
  @ApiOkResponse({ type: ProfileDto, description: 'the seeker, or staff of a booth the seeker applied to, queues at or chats with' })
  @ApiNotFoundResponse({ description: 'for anyone else' })
  getSeeker(@CurrentUser() viewer: AuthenticatedUser, @Param('seekerId', uuidParam('seekerId')) seekerId: string): Promise<ProfileDto> {
    return this.profiles.get(seekerId, viewer);
  }
}
