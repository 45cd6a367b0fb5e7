import { HttpStatus } from '@nestjs/common';
import { DomainError, badRequest } from '@bisang/common';
import type { UploadErrors } from '../uploads/file-part';

export const RESUME_MAX_BYTES = 5 * 1024 * 1024;

export const resumeNotFound = () => new DomainError(HttpStatus.NOT_FOUND, 'RESUME_NOT_FOUND', '이력서를 찾을 수 없습니다 / Resume not found');
export const notAPdf = () =>
  badRequest('NOT_A_PDF', 'file: PDF 파일만 올릴 수 있습니다 (내용으로 확인) / file: only a PDF may be uploaded (checked by its content)');
export const fileTooLarge = () =>
  new DomainError(HttpStatus.PAYLOAD_TOO_LARGE, 'FILE_TOO_LARGE', 'file: 이력서는 최대 5MB입니다 / file: a resume may be 5 MB at most');
export const fileRequired = () =>
  badRequest('FILE_REQUIRED', 'file: multipart/form-data의 file 필드에 PDF를 담아 보내세요 / file: send the PDF in multipart/form-data field "file"');
export const notMultipart = () =>
  new DomainError(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'UNSUPPORTED_MEDIA_TYPE',
    'multipart/form-data로 보내세요 (file 필드에 PDF) / Send multipart/form-data with the PDF in field "file"',
  );
export const malformedUpload = () =>
  badRequest('MALFORMED_UPLOAD', '업로드 요청이 올바르지 않거나 중간에 끊겼습니다 / The upload is malformed or was cut off');

export const RESUME_UPLOAD_ERRORS: UploadErrors = {
  notMultipart,
  fileRequired,
  malformed: malformedUpload,
  wrongType: notAPdf,
  tooLarge: fileTooLarge,
};
