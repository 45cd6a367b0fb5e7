import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountMailService, AccountsService, AuthenticatedUser, CurrentUser } from '@bisang/auth';
import { notFound } from '@bisang/common';
import { MeDto } from '../auth/dto/auth-response.dto';
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
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<MeDto> {
    const user = await this.accounts.findUser(caller.id);
    if (!user) throw notFound('User', '사용자');
    return { ...MeDto.from(user), emailVerificationRequired: this.accountMail.verificationRequired };
  }

  /** The caller's settings: the language of their mail. */
  @Patch()
  @ApiOkResponse({ type: MeDto })
  async update(@CurrentUser() caller: AuthenticatedUser, @Body() dto: UpdateMeDto): Promise<MeDto> {
    await this.accountMail.setLanguage(caller.id, dto.language);
    return this.me(caller);
  }
}
