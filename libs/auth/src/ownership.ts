import { CanActivate, ExecutionContext, Injectable, SetMetadata, Type, UseGuards, applyDecorators } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { OPENAPI_OWNED_BY, badRequest, forbidden, isUuid, notFound } from '@bisang/common';
import { AuthenticatedUser } from './authenticated-user';

export type OwnershipVerdict = 'allow' | 'forbidden' | 'not_found';

/**
 * How a feature says who may act on one of its resources. Return 'not_found' where the
 * resource's existence is private to those allowed to see it.
 */
export interface OwnershipPolicy {
  readonly resource: { en: string; ko: string };
  check(user: AuthenticatedUser, resourceId: string): Promise<OwnershipVerdict>;
}

const OWNERSHIP = 'bisang:ownership';
interface OwnershipMeta {
  policy: Type<OwnershipPolicy>;
  param: string;
}

@Injectable()
export class OwnershipGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<OwnershipMeta | undefined>(OWNERSHIP, context.getHandler());
    if (!meta) return true;
    const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser; params: Record<string, string> }>();
    if (!request.user) return false;
    const policy = this.moduleRef.get(meta.policy, { strict: false });
    const id = request.params[meta.param];
    // Guards run before pipes: a malformed id is bad input (400), as the route's uuidParam would say.
    if (!isUuid(id)) throw badRequest('INVALID_ID', `${meta.param} 형식이 올바르지 않습니다 / ${meta.param} must be a UUID`);
    const verdict = await policy.check(request.user, id);
    if (verdict === 'allow') return true;
    if (verdict === 'not_found') throw notFound(policy.resource.en, policy.resource.ko);
    throw forbidden();
  }
}

/** Only callers the policy allows for the resource named by route param `param` may call this route. */
export const OwnedBy = (policy: Type<OwnershipPolicy>, param: string) =>
  applyDecorators(
    SetMetadata(OWNERSHIP, { policy, param } satisfies OwnershipMeta),
    UseGuards(OwnershipGuard),
    ApiExtension(OPENAPI_OWNED_BY, param),
  );
