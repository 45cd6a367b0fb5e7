import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/**
 * What a JSON body may hold before it is parsed. No route reads anything near these (the deepest body is three
 * levels, the longest array ten codes, the longest text 20,000 characters), and each keeps what comes after the
 * parse (class-transformer, class-validator, the NUL check, all recursive and per key) to a few milliseconds.
 */
export const JSON_BODY_LIMITS = {
  /** Nesting of objects and arrays. */
  maxDepth: 8,
  /** Keys of one object, or items of one array. */
  maxMembers: 200,
  /** Keys and items of the whole body. */
  maxTotalMembers: 2_000,
  /** One string as sent, in bytes (escapes included): 20,000 four-byte characters fit. */
  maxStringBytes: 100_000,
} as const;

export type JsonBodyLimits = { readonly [K in keyof typeof JSON_BODY_LIMITS]: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * The first limit that `body` (UTF-8 JSON, not yet parsed) breaks, or null. One pass over the bytes, no recursion
 * and no allocation per value, stopping at the first limit broken: JSON.parse alone spends 100+ ms on a megabyte of
 * `[[[[…`, and every step after it recurses. Structural characters are ASCII, so bytes of multi-byte UTF-8
 * characters (all ≥ 0x80) never look like one. Malformed JSON is left for JSON.parse to refuse.
 */
export function jsonBodyProblem(body: Uint8Array, limits: JsonBodyLimits = JSON_BODY_LIMITS): string | null {
  // members[d]: commas seen in the open container at depth d (its members, minus one).
  const members = new Uint32Array(limits.maxDepth + 2);
  let depth = 0;
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === QUOTE) {
      const start = i;
      for (i++; i < body.length && body[i] !== QUOTE; i++) {
        if (body[i] === BACKSLASH) i++;
      }
      if (i - start - 1 > limits.maxStringBytes) {
        return `텍스트 값이 너무 깁니다 (최대 ${limits.maxStringBytes}바이트) / A text value is longer than ${limits.maxStringBytes} bytes`;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limits.maxDepth) {
        return `값이 너무 깊이 중첩되어 있습니다 (최대 ${limits.maxDepth}단계) / Values are nested deeper than ${limits.maxDepth} levels`;
      }
      members[depth] = 0;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    } else if (c === COMMA && depth > 0) {
      if (++members[depth] >= limits.maxMembers) {
        return `객체나 배열의 항목이 너무 많습니다 (최대 ${limits.maxMembers}개) / An object or array has more than ${limits.maxMembers} members`;
      }
      if (++total >= limits.maxTotalMembers) {
        return `요청 본문의 값이 너무 많습니다 (최대 ${limits.maxTotalMembers}개) / The request body holds more than ${limits.maxTotalMembers} values`;
      }
    }
  }
  return null;
}

/** The refusal as the OpenAPI document describes it. */
export const BODY_TOO_COMPLEX_DESCRIPTION = `BODY_TOO_COMPLEX (JSON nested deeper than ${JSON_BODY_LIMITS.maxDepth}, over ${JSON_BODY_LIMITS.maxMembers} members in one object or array or ${JSON_BODY_LIMITS.maxTotalMembers} in all, or a string over ${JSON_BODY_LIMITS.maxStringBytes} bytes)`;

/** Fastify route config of a route that takes an RFC 8058 one-click form post: `@RouteConfig(ONE_CLICK_FORM_ROUTE)`. */
export const ONE_CLICK_FORM_ROUTE = { oneClickForm: true } as const;
const ONE_CLICK_FORM_MAX_BYTES = 64;

const FORM_NOT_TAKEN =
  '이 API는 application/json만 받습니다 / This API takes application/json only, not application/x-www-form-urlencoded';

/**
 * The body parsers, replacing the ones Nest registers: JSON checked by jsonBodyProblem before it is parsed (then
 * Fastify's own parser, which refuses __proto__ and constructor keys), and url-encoded forms, which no route
 * takes, refused unparsed (a form of 100,000 keys would otherwise reach validation as 100,000 unknown fields).
 */
export function useBoundedBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (req, body, done) => {
    const problem = jsonBodyProblem(body);
    if (problem) {
      done(new BadRequestException({ statusCode: 400, code: 'BODY_TOO_COMPLEX', message: [problem] }), undefined);
      return;
    }
    parseJson(req, body as unknown as string, done);
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (req, body, done) => {
    // RFC 8058 one-click unsubscribe posts `List-Unsubscribe=One-Click` as a form: only routes that say so take it,
    // and only that small (the route reads nothing of it).
    const config = req.routeOptions?.config as { oneClickForm?: boolean } | undefined;
    if (config?.oneClickForm && String(body).length <= ONE_CLICK_FORM_MAX_BYTES) {
      done(null, undefined);
      return;
    }
    done(new UnsupportedMediaTypeException({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: FORM_NOT_TAKEN }), undefined);
  });
}
