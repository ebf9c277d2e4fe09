import * as v from 'valibot';

/**
 * THE "is this a plain record" check of the codebase (an object that is not null and not an array). Valibot's own
 * object schemas accept arrays, so boundaries that must tell `{}` from `[]` use this schema; code that walks
 * untyped data (a player response, a json3 body) uses `isPlainRecord`. Defined once; never write another.
 */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const PlainRecordSchema = v.custom<Record<string, unknown>>(isPlainRecord, 'expected an object');
