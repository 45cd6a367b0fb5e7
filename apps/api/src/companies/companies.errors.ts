import { HttpStatus } from '@nestjs/common';
import { DomainError, badRequest, notFound } from '@bisang/common';
import type { UploadErrors } from '../uploads/file-part';

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

export const invalidBusinessNumber = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', [
    'businessNumber: 사업자등록번호 10자리가 올바르지 않습니다 / businessNumber must be a valid 10-digit business registration number',
  ]);

export const noBusinessNumber = () =>
  new DomainError(HttpStatus.CONFLICT, 'NO_BUSINESS_NUMBER', '확인할 사업자등록번호가 없습니다 / The company has not given a business registration number to confirm');

export const imageNotFound = () => notFound('Image', '이미지');

export const tooManyPhotos = (max: number) =>
  new DomainError(HttpStatus.CONFLICT, 'TOO_MANY_PHOTOS', `사진은 최대 ${max}장입니다. 먼저 사진을 지우세요 / A company page may show ${max} photos at most; remove one first`);

export const IMAGE_UPLOAD_ERRORS: UploadErrors = {
  notMultipart: () =>
    new DomainError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'multipart/form-data로 보내세요 (file 필드에 이미지) / Send multipart/form-data with the image in field "file"',
    ),
  fileRequired: () =>
    badRequest('FILE_REQUIRED', 'file: multipart/form-data의 file 필드에 이미지를 담아 보내세요 / file: send the image in multipart/form-data field "file"'),
  malformed: () => badRequest('MALFORMED_UPLOAD', '업로드 요청이 올바르지 않거나 중간에 끊겼습니다 / The upload is malformed or was cut off'),
  wrongType: () =>
    badRequest('NOT_AN_IMAGE', 'file: PNG, JPEG, WebP 이미지만 올릴 수 있습니다 (내용으로 확인) / file: only a PNG, JPEG or WebP image may be uploaded (checked by its content)'),
  tooLarge: () => new DomainError(HttpStatus.PAYLOAD_TOO_LARGE, 'FILE_TOO_LARGE', 'file: 이미지는 최대 2MB입니다 / file: an image may be 2 MB at most'),
};
