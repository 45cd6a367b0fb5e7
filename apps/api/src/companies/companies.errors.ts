import { HttpStatus } from '@nestjs/common';
import { DomainError, notFound } from '@bisang/common';

export const notCompanyStaff = () =>
  new DomainError(HttpStatus.FORBIDDEN, 'NOT_COMPANY_STAFF', '이 회사의 담당자만 할 수 있습니다 / Only this company’s staff can do this');

export const companyNotFound = () => notFound('Company', '회사');

export const invitationNotFound = () => notFound('Invitation', '초대');

export const invitationExpired = () =>
  new DomainError(HttpStatus.CONFLICT, 'INVITATION_EXPIRED', '초대가 만료되었습니다. 다시 초대를 요청하세요 / This invitation has expired; ask for a new one');

export const lastStaffMember = () =>
  new DomainError(
    HttpStatus.CONFLICT,
    'LAST_STAFF_MEMBER',
    '회사의 마지막 담당자는 나갈 수 없습니다. 먼저 다른 담당자를 초대하세요 / The last staff member cannot leave the company; invite someone else first',
  );
