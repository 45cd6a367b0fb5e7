import { withParticle } from './korean';

describe('withParticle: the Korean particle that fits the word', () => {
  it.each([
    ['박람회', '을/를', '박람회를'],
    ['공지사항', '을/를', '공지사항을'],
    ['채용공고', '을/를', '채용공고를'],
    ['부스', '을/를', '부스를'],
    ['1:1 면접 코칭', '이/가', '1:1 면접 코칭이'],
    ['면접', '이/가', '면접이'],
    ['지원서', '이/가', '지원서가'],
    ['서류 검토', '으로/로', '서류 검토로'],
    ['면접', '으로/로', '면접으로'],
    ['취업 확정', '으로/로', '취업 확정으로'],
    ['서울', '으로/로', '서울로'],
    ['hired', '으로/로', 'hired로'],
    ['3', '을/를', '3을'],
    ['2', '을/를', '2를'],
  ] as const)('%s + %s → %s', (word, pair, expected) => {
    expect(withParticle(word, pair)).toBe(expected);
  });
});
