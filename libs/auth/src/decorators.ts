import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { OPENAPI_AUTH, OPENAPI_ROLES } from '@bisang/common';
import type { UserRole } from '@bisang/database';
import { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'bisang:public';
export const ROLES = 'bisang:roles';

/** Anyone may call this route; a valid token, when given, still identifies the caller. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_AUTH, 'optional'));

/** Only these roles may call this route (403 otherwise). */
export const Roles = (...roles: UserRole[]) => applyDecorators(SetMetadata(ROLES, roles), ApiExtension(OPENAPI_ROLES, roles));

/** The signed-in caller (undefined on a public route called anonymously). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
});
