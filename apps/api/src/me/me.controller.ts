import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountMailService, AccountsService, AuthenticatedUser, CurrentUser } from '@bisang/auth';
import { notFound } from '@bisang/common';
import { UserDto } from '../auth/dto/auth-response.dto';
import { UpdateMeDto } from '../auth/dto/account-mail.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly accountMail: AccountMailService,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserDto> {
    const user = await this.accounts.findUser(caller.id);
    if (!user) throw notFound('User', '사용자');
    return UserDto.from(user);
  }

  /** The caller's settings: the language of their mail. */
  @Patch()
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentUser() caller: AuthenticatedUser, @Body() dto: UpdateMeDto): Promise<UserDto> {
    await this.accountMail.setLanguage(caller.id, dto.language);
    return this.me(caller);
  }
}
