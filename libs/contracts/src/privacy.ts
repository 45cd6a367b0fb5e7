/**
 * The privacy consent asked at sign-up (개인정보 수집·이용 동의). The version names the text: a change of the
 * text is a new version, and every account that has not agreed to the current one is asked again.
 */
export const PRIVACY_CONSENT_VERSION = '2026-12-01';

export interface PrivacyConsentSection {
  title: string;
  body: string;
}

export interface PrivacyConsentText {
  title: string;
  sections: PrivacyConsentSection[];
  agree: string;
}

/** The text of the current version, in both languages (the server keeps only which version was agreed to, and when). */
export const PRIVACY_CONSENT_TEXT: Record<'ko' | 'en', PrivacyConsentText> = {
  ko: {
    title: '개인정보 수집·이용 동의',
    sections: [
      {
        title: '수집 항목',
        body: '이름, 이메일, 비밀번호(암호화 저장), 생년월일(구직자), 프로필(학력, 희망 직종, 지역, 경력, U턴 여부), 이력서 파일, 지원·예약·채팅 기록',
      },
      {
        title: '이용 목적',
        body: '온라인 채용박람회 참가, 채용공고 지원과 기업 연계, 1:1 면접 코칭 예약, 알림과 안내 메일 발송, 취업 실적 통계(개인을 알 수 없는 형태)',
      },
      {
        title: '보유 기간',
        body: '회원 탈퇴 시까지. 탈퇴하면 개인정보는 바로 파기하고, 취업 실적 통계에는 개인을 알아볼 수 없는 집계만 남깁니다.',
      },
      {
        title: '동의 거부 권리',
        body: '동의를 거부할 수 있으나, 거부하면 회원가입과 서비스 이용이 제한됩니다.',
      },
    ],
    agree: '개인정보 수집·이용에 동의합니다 (필수)',
  },
  en: {
    title: 'Consent to the collection and use of personal data',
    sections: [
      {
        title: 'What we collect',
        body: 'Name, e-mail, password (stored hashed), birth date (job seekers), profile (education, desired job groups, region, career, U-turn), resume file, records of applications, bookings and chats',
      },
      {
        title: 'Why',
        body: 'Taking part in the online job fair, applying to postings and being put in touch with companies, booking 1:1 interview coaching, notifications and mail, hiring statistics (in a form that identifies no one)',
      },
      {
        title: 'How long',
        body: 'Until you delete your account. Your personal data is then destroyed at once; the hiring statistics keep only counts that identify no one.',
      },
      {
        title: 'Your right to refuse',
        body: 'You may refuse, but then you cannot sign up or use the service.',
      },
    ],
    agree: 'I agree to the collection and use of my personal data (required)',
  },
};

/** `GET /me/privacy-consents`. */
export interface PrivacyConsentStatus {
  currentVersion: string;
  /** The caller agreed to the current version. */
  agreed: boolean;
  consents: PrivacyConsentRecord[];
}

export interface PrivacyConsentRecord {
  version: string;
  agreedAt: string;
}

/** The name a deleted account is shown under, wherever its records remain (in counts, or a company's past pipeline). */
export const DELETED_ACCOUNT_NAME = '탈퇴한 회원';
