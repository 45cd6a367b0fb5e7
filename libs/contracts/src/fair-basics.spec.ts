import { formatBusinessNumber, isBusinessNumber } from './fair-basics';

describe('isBusinessNumber: the 사업자등록번호 check digit', () => {
  it.each(['124-81-00998', '1248100998', '220-81-62517', ' 124 81 00998 '])('accepts %s', (n) => expect(isBusinessNumber(n)).toBe(true));
  it.each(['124-81-00997', '12481009', '12481009981', 'abc-de-fghij', ''])('refuses %s', (n) => expect(isBusinessNumber(n)).toBe(false));
  it('writes it with dashes', () => expect(formatBusinessNumber('1248100998')).toBe('124-81-00998'));
});
