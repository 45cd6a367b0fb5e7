/**
 * Server messages in the reader's language. Domain errors arrive written "한국어 / English" and are split; the
 * validation messages of class-validator arrive in English ("password: …", "endsAt must be after startsAt") and
 * are put into Korean here, naming the field by its label and attached to the field they are about.
 */
import type { Lang } from './i18n';

/** Korean labels of the request fields the forms send (the last segment of a path such as `hire.startedOn`). */
const FIELD_KO: Record<string, string> = {
  email: '이메일',
  password: '비밀번호',
  currentPassword: '현재 비밀번호',
  newPassword: '새 비밀번호',
  name: '이름',
  birthDate: '생년월일',
  role: '역할',
  title: '제목',
  body: '내용',
  description: '설명',
  slug: '주소(slug)',
  timezone: '시간대',
  startsAt: '시작 일시',
  endsAt: '종료 일시',
  youthAgeMin: '청년 최소 나이',
  youthAgeMax: '청년 최대 나이',
  hiringTarget: '취업 목표 인원',
  jobCategory: '직무 분류',
  employmentType: '고용 형태',
  openings: '모집 인원',
  location: '근무지',
  salaryMin: '최소 연봉',
  salaryMax: '최대 연봉',
  closesAt: '마감일',
  region: '지역',
  careerSummary: '경력 요약',
  education: '최종 학력',
  desiredJobCategories: '희망 직무',
  uTurn: 'U턴 여부',
  coverLetter: '자기소개',
  companyId: '회사',
  reason: '사유',
  boothName: '부스 이름',
  startedOn: '입사일',
  annualSalary: '연봉',
  date: '날짜',
  from: '시작 시각',
  to: '종료 시각',
  slotMinutes: '한 회 길이',
  feedback: '피드백',
  rating: '평점',
  memo: '메모',
  businessNumber: '사업자등록번호',
  introduction: '회사 소개',
  benefits: '복리후생',
  industry: '업종',
  size: '규모',
  kind: '종류',
  boothId: '부스',
};

export const fieldLabelKo = (field: string): string => FIELD_KO[field] ?? field;

/** `[pattern, Korean]`: the English rule after the field name, and its Korean wording ($1… are the groups). */
const RULES_KO: ReadonlyArray<readonly [RegExp, string]> = [
  [/^must be (?:a valid email address|an email)$/, '올바른 이메일 주소를 입력해 주세요.'],
  [/^is too weak: use at least (\d+) characters$/, '$1자 이상으로 정해 주세요.'],
  [/^is too weak: use letters and digits$/, '글자와 숫자를 함께 넣어 주세요.'],
  [/^(?:must not be empty|should not be empty)(?: \(.*\))?$/, '비워 둘 수 없습니다.'],
  [/^must be (?:at most|shorter than or equal to) (\d+) characters$/, '$1자 이하로 입력해 주세요.'],
  [/^must be (?:at least|longer than or equal to) (\d+) characters$/, '$1자 이상 입력해 주세요.'],
  [/^must be (?:a whole number|an integer number)$/, '정수로 입력해 주세요.'],
  [/^must (?:be at least|not be less than) (-?\d+)$/, '$1 이상이어야 합니다.'],
  [/^must (?:be at most|not be greater than) (-?\d+)$/, '$1 이하여야 합니다.'],
  [/^must be in the future$/, '지금보다 뒤여야 합니다.'],
  [/^must be a real date in the past, as YYYY-MM-DD$/, '지난 날짜를 YYYY-MM-DD 형식으로 입력해 주세요.'],
  [/^must be a (?:valid ISO 8601 date string|date-time|valid instant).*$/, '올바른 날짜·시각이 아닙니다.'],
  [/^must be a UUID$/, '올바른 식별자가 아닙니다.'],
  [/^must be true or false$/, '예 또는 아니요여야 합니다.'],
  [/^must be a string$/, '글자로 입력해 주세요.'],
  [/^must be one of .*$/, '목록에 있는 값 중 하나를 골라 주세요.'],
  [/^must be a KECO major group code.*$/, '목록에 있는 직무 분류를 골라 주세요.'],
  [/^must be 3-60 lower-case letters, digits or dashes$/, '영문 소문자·숫자·대시(-) 3–60자로 입력해 주세요.'],
  [/^must be an IANA time zone.*$/, 'Asia/Seoul 같은 시간대 이름이어야 합니다.'],
  [/^must not repeat a code$/, '같은 항목을 두 번 고를 수 없습니다.'],
];

/** "endsAt must be after startsAt" and "salaryMin must not be greater than salaryMax": the other field is named. */
const RELATIONS_KO: ReadonlyArray<readonly [RegExp, (other: string) => string]> = [
  [/^must be after ([A-Za-z]\w*)$/, (o) => `${fieldLabelKo(o)}보다 뒤여야 합니다.`],
  [/^must not be greater than ([A-Za-z]\w*)$/, (o) => `${fieldLabelKo(o)}보다 클 수 없습니다.`],
];

export interface ServerMessage {
  /** The request field the message is about (last path segment), when it names one. */
  field: string | null;
  /** The message in the reader's language, without the field name when `field` is set. */
  text: string;
}

const splitBilingual = (message: string, lang: Lang): string => {
  const parts = message.split(' / ');
  if (parts.length < 2) return message;
  return lang === 'ko' ? parts[0]! : parts.slice(1).join(' / ');
};

/** One server message, read: which field it names and what it says in `lang`. */
export function readServerMessage(message: string, lang: Lang): ServerMessage {
  // "property foo should not exist": the form sent something the server does not know (a bug, not the user's).
  const unknown = /^property (\S+) should not exist$/.exec(message);
  if (unknown) return { field: null, text: lang === 'ko' ? `알 수 없는 항목입니다: ${unknown[1]}` : message };
  // "path: rule" (the validation pipe prefixes the path when the rule does not start with it)
  let path: string | null = null;
  let rest = message;
  const prefixed = /^([A-Za-z][\w.[\]]*): (.+)$/s.exec(message);
  if (prefixed) {
    path = prefixed[1]!;
    rest = prefixed[2]!;
  } else {
    const named = /^([A-Za-z][\w.[\]]*) ((?:must|should|is|has) .+)$/s.exec(message);
    if (named && !message.includes(' / ')) {
      path = named[1]!;
      rest = named[2]!;
    }
  }
  if (!path && message.includes(' / ')) {
    // "비밀번호는 10자 이상… / The password must be…": the English half names the field.
    const english = message.split(' / ').slice(1).join(' / ');
    const named = /^(?:The )?([a-z][A-Za-z0-9]*) (?:must|should|is|has)\b/.exec(english);
    if (named && named[1]! in FIELD_KO) path = named[1]!;
  }
  const field = path ? (path.split('.').pop() ?? path).replace(/\[\d+\]$/, '') : null;
  if (rest.includes(' / ')) return { field, text: splitBilingual(rest, lang) };
  if (lang !== 'ko') return { field, text: prefixed ? rest : message };
  if (field) {
    for (const [pattern, ko] of RULES_KO) if (pattern.test(rest)) return { field, text: rest.replace(pattern, ko) };
    for (const [pattern, ko] of RELATIONS_KO) {
      const m = pattern.exec(rest);
      if (m) return { field, text: ko(m[1]!) };
    }
  }
  return { field, text: rest };
}

/** A whole message for a list of problems: "비밀번호: 10자 이상…". */
export function serverMessageText(message: string, lang: Lang): string {
  const { field, text } = readServerMessage(message, lang);
  // A bilingual message names its field in its own words.
  if (!field || message.includes(' / ')) return text;
  if (lang === 'ko') return `${fieldLabelKo(field)}: ${text}`;
  return text.startsWith(field) ? text : `${field}: ${text}`;
}
