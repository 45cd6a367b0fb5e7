import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService, AuthenticatedUser, CurrentUser } from '@bisang/auth';
import { notFound } from '@bisang/common';
import { UserDto } from '../auth/dto/auth-response.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserDto> {
    const user = await this.accounts.findUser(caller.id);
    if (!user) throw notFound('User', '사용자');
    return UserDto.from(user);
  }
}
