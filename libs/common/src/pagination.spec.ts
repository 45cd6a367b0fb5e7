import { decodeCursor, encodeCursor } from './pagination';

const ID = '0b9d6a52-3f0e-4c8e-9a51-6b1f2f7a9c11';
const forge = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const shape = { t: 'instant', i: 'uuid' } as const;

describe('decodeCursor', () => {
  it('gives back the key it encoded, ISO instants and PostgreSQL timestamptz text alike', () => {
    expect(decodeCursor(encodeCursor({ t: '2026-05-09T01:02:03.456Z', i: ID }), shape)).toEqual({ t: '2026-05-09T01:02:03.456Z', i: ID });
    expect(decodeCursor(encodeCursor({ t: '2026-05-09 10:02:03.456789+09', i: ID }), shape)).toEqual({ t: '2026-05-09 10:02:03.456789+09', i: ID });
    expect(decodeCursor(undefined, shape)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['a missing field', forge({ t: '2026-05-09T01:02:03Z' })],
    ['an instant PostgreSQL cannot hold', forge({ t: '-100000-01-01T00:00:00Z', i: ID })],
    ['an instant as a number', forge({ t: -8.64e15, i: ID })],
    ['a date that does not exist', forge({ t: '2026-02-30T00:00:00Z', i: ID })],
    ['year 0', forge({ t: '0000-01-01T00:00:00Z', i: ID })],
    ['a time that does not exist', forge({ t: '2026-05-09T24:00:00Z', i: ID })],
    ['an offset out of range', forge({ t: '2026-05-09T00:00:00+99:00', i: ID })],
    ['no offset', forge({ t: '2026-05-09T00:00:00', i: ID })],
    ['free text', forge({ t: 'zzz', i: ID })],
    ['an id that is not a UUID', forge({ t: '2026-05-09T00:00:00Z', i: 'x' })],
    ['an id that is an array', forge({ t: '2026-05-09T00:00:00Z', i: [ID] })],
  ])('refuses %s with 400 INVALID_CURSOR', (_what, cursor) => {
    expect(() => decodeCursor(cursor, shape)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
