/** KECO (한국고용직업분류) major groups: the job categories of Bisang, with Korean and English labels. */
export const KECO_MAJOR_GROUPS = [
  { code: '0', ko: '경영·사무·금융·보험직', en: 'Management, office, finance and insurance' },
  { code: '1', ko: '연구직 및 공학 기술직', en: 'Research and engineering' },
  { code: '2', ko: '교육·법률·사회복지·경찰·소방직 및 군인', en: 'Education, law, social welfare, police, fire and military' },
  { code: '3', ko: '보건·의료직', en: 'Health and medical' },
  { code: '4', ko: '예술·디자인·방송·스포츠직', en: 'Arts, design, broadcasting and sports' },
  { code: '5', ko: '미용·여행·숙박·음식·경비·청소직', en: 'Beauty, travel, lodging, food, security and cleaning' },
  { code: '6', ko: '영업·판매·운전·운송직', en: 'Sales, driving and transport' },
  { code: '7', ko: '건설·채굴직', en: 'Construction and mining' },
  { code: '8', ko: '설치·정비·생산직', en: 'Installation, maintenance and production' },
  { code: '9', ko: '농림어업직', en: 'Agriculture, forestry and fishing' },
] as const;

export const KECO_CODES = KECO_MAJOR_GROUPS.map((g) => g.code);

export const EMPLOYMENT_TYPE_LABELS = {
  regular: { ko: '상용직(정규직)', en: 'Regular (permanent)' },
  contract: { ko: '계약직', en: 'Contract' },
  intern: { ko: '인턴', en: 'Intern' },
  part_time: { ko: '시간제', en: 'Part-time' },
} as const;
