import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@bisang/common';
import { AccountMailService } from './account-mail.service';
import type { AuthenticatedUser } from './authenticated-user';

export const emailNotVerified = () =>
  new DomainError(
    HttpStatus.FORBIDDEN,
    'EMAIL_NOT_VERIFIED',
    '이메일 인증 후 이용할 수 있습니다. 받은 메일의 링크를 눌러 주세요 / Verify your e-mail address first: open the link in the mail we sent you',
  );

/**
 * Applying and booking wait for a verified address when `EMAIL_VERIFICATION` is `required`, so that what a company
 * or coach hears of a seeker reaches a real person. Runs after the global auth guard (the caller is known).
 */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(private readonly accountMail: AccountMailService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const user = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user && !(await this.accountMail.hasVerifiedEmailIfRequired(user.id))) throw emailNotVerified();
    return true;
  }
}
