import { IMAGE_CHECK, PDF_CHECK } from './checked-upload';

const head = (bytes: number[] | string, length = 12) => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return Buffer.concat([b, Buffer.alloc(Math.max(0, length - b.length))]).subarray(0, Math.max(b.length, length));
};

describe('upload content checks: by the first bytes, never by name or declared type', () => {
  it.each([
    ['PNG', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['JPEG', head([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['WebP', head('RIFF\u0000\u0000\u0000\u0000WEBP'), 'image/webp'],
  ])('takes a %s image', (_name, bytes, type) => expect(IMAGE_CHECK.typeOf(bytes)).toBe(type));

  it.each([
    ['an SVG', head('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a GIF', head('GIF89a')],
    ['a PDF', head('%PDF-1.4')],
    ['a RIFF that is not WebP', head('RIFF\u0000\u0000\u0000\u0000WAVE')],
    ['text', head('hello world!')],
  ])('refuses %s as an image', (_name, bytes) => expect(IMAGE_CHECK.typeOf(bytes)).toBeNull());

  it('takes a PDF and refuses anything else, also shorter than the magic', () => {
    expect(PDF_CHECK.typeOf(Buffer.from('%PDF-', 'latin1'))).toBe('application/pdf');
    expect(PDF_CHECK.typeOf(Buffer.from('%PD', 'latin1'))).toBeNull();
    expect(PDF_CHECK.typeOf(head([0x89, 0x50, 0x4e, 0x47], 5))).toBeNull();
  });
});
