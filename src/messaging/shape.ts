import * as v from 'valibot';
/**
 * A very small schema helper for validating messages on arrival (no zod: the checks are few and must stay
 * O(1) on large strings — a caption body is only type- and length-checked, never scanned or copied).
 *
 * A `Check<T>` either returns its input, typed as `T`, or throws a ShapeError naming the path that failed.
 * Checks never copy: the validated value is the received value.
 */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export type Check<T> = (value: unknown, path: string) => T;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function str(opts: { min?: number; max: number; pattern?: RegExp; what?: string }): Check<string> {
  const min = opts.min ?? 0;
  return (value, path) => {
    if (typeof value !== 'string') throw new ShapeError(`${path}: expected a string, got ${describe(value)}`);
    if (value.length < min) throw new ShapeError(`${path}: ${opts.what ?? 'string'} is empty or too short`);
    if (value.length > opts.max) {
      throw new ShapeError(`${path}: ${opts.what ?? 'string'} is too long (${value.length} characters; at most ${opts.max})`);
    }
    // Patterns are only used on short strings (ids), never on bodies.
    if (opts.pattern && !opts.pattern.test(value)) throw new ShapeError(`${path}: not a valid ${opts.what ?? 'value'}`);
    return value;
  };
}

export function num(opts: { min: number; max: number; integer?: boolean }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ShapeError(`${path}: expected a finite number, got ${describe(value)}`);
    }
    if (value < opts.min || value > opts.max) throw new ShapeError(`${path}: ${value} is outside ${opts.min}…${opts.max}`);
    if (opts.integer && !Number.isInteger(value)) throw new ShapeError(`${path}: expected an integer`);
    return value;
  };
}

export function oneOf<const T extends readonly (string | number | boolean)[]>(...values: T): Check<T[number]> {
  return (value, path) => {
    if (!values.includes(value as T[number])) {
      throw new ShapeError(`${path}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    return value as T[number];
  };
}

/** Marks a field of `obj` that may be absent (present, it must pass `check`). */
export function optional<T>(check: Check<T>): Check<T | undefined> & { optional: true } {
  return Object.assign((value: unknown, path: string) => check(value, path), { optional: true as const });
}

/**
 * A valibot schema as a Check (new message fields are described with valibot, like every other boundary).
 * The value is checked, never replaced by valibot's copy: the validated value is the received value.
 */
export function fromSchema<T>(schema: v.GenericSchema<unknown, T>): Check<T> {
  return (value, path) => {
    const result = v.safeParse(schema, value);
    if (!result.success) {
      const first = result.issues[0];
      const at = first ? v.getDotPath(first) : null;
      throw new ShapeError(`${path}${at ? `.${at}` : ''}: ${first?.message ?? 'invalid'}`);
    }
    return value as T;
  };
}

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type FromShape<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: ReturnType<S[K]> } & {
  [K in OptionalKeys<S>]?: Exclude<ReturnType<S[K]>, undefined>;
};

/** A plain object with exactly these keys (unknown keys are rejected: every context ships in one build). */
export function obj<S extends Shape>(shape: S): Check<FromShape<S>> {
  const keys = Object.keys(shape);
  return (value, path) => {
    if (!isPlainObject(value)) throw new ShapeError(`${path}: expected an object, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) throw new ShapeError(`${path}: unexpected field "${key}"`);
    }
    for (const key of keys) {
      if (!Object.hasOwn(value, key)) {
        if ((shape[key] as { optional?: true }).optional) continue;
        throw new ShapeError(`${path}.${key}: missing`);
      }
      (shape[key] as Check<unknown>)(value[key], `${path}.${key}`);
    }
    return value as FromShape<S>;
  };
}

/** Runs a check and turns a ShapeError into a message (any other error is a bug and propagates). */
export function checkShape<T>(check: Check<T>, value: unknown, path: string): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: check(value, path) };
  } catch (err) {
    if (err instanceof ShapeError) return { ok: false, error: err.message };
    throw err;
  }
}
