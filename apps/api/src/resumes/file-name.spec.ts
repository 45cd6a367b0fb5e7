import { attachmentDisposition, cleanPdfFileName } from './file-name';

describe('cleanPdfFileName', () => {
  it('keeps a plain name, Korean included', () => {
    expect(cleanPdfFileName('홍길동_이력서.pdf')).toBe('홍길동_이력서.pdf');
    expect(cleanPdfFileName('CV 2026.PDF')).toBe('CV 2026.PDF');
  });

  it('drops folders, control characters and quotes, and decodes what browsers escape', () => {
    expect(cleanPdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(cleanPdfFileName('C:\\Users\\kim\\이력서.pdf')).toBe('이력서.pdf');
    expect(cleanPdfFileName('a\r\nb\u0000c.pdf')).toBe('abc.pdf');
    expect(cleanPdfFileName('%22quoted%22 name.pdf')).toBe('quoted name.pdf');
    expect(cleanPdfFileName('"; filename=evil.exe')).toBe('; filename=evil.exe.pdf');
  });

  it('never answers an empty name, always ends in .pdf, and stays within 255 characters', () => {
    expect(cleanPdfFileName('')).toBe('resume.pdf');
    expect(cleanPdfFileName('..')).toBe('resume.pdf');
    expect(cleanPdfFileName('resume')).toBe('resume.pdf');
    const long = cleanPdfFileName('가'.repeat(400) + '.pdf');
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    const header = attachmentDisposition("김 이력서 (최종)'s.pdf");
    expect(header).toBe(`attachment; filename="_ ___ (__)_s.pdf"; filename*=UTF-8''%EA%B9%80%20%EC%9D%B4%EB%A0%A5%EC%84%9C%20%28%EC%B5%9C%EC%A2%85%29%27s.pdf`);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe("김 이력서 (최종)'s.pdf");
  });
});
