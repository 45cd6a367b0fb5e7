import { CSV_BOM, csvCell, csvChunks, csvLine } from './csv.encoder';

describe('csv encoder', () => {
  it('quotes cells with quotes, commas and line breaks, doubling inner quotes', () => {
    expect(csvCell('대구정밀(주)')).toBe('대구정밀(주)');
    expect(csvCell('Kim, "Jay"')).toBe('"Kim, ""Jay"""');
    expect(csvCell('첫 줄\n둘째 줄')).toBe('"첫 줄\n둘째 줄"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+82 10')).toBe(`'+82 10`);
    expect(csvCell('-1')).toBe(`'-1`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('\tx')).toBe(`'\tx`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers, booleans and empty values as they are', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(34)).toBe('34');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvLine(['a', 1, null, 'b'])).toBe('a,1,,b\r\n');
  });

  it('starts with the BOM and the header, then one chunk per batch', async () => {
    async function* batches() {
      yield [{ n: '가' }, { n: '나' }];
      yield [{ n: '다' }];
    }
    const chunks: string[] = [];
    for await (const c of csvChunks(['이름'], batches(), (r) => [r.n])) chunks.push(c);
    expect(chunks).toEqual([`${CSV_BOM}이름\r\n`, '가\r\n나\r\n', '다\r\n']);
  });
});
