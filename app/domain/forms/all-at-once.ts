import { z } from "zod";

/** The fields of a shape that parsed on their own, with their parsed values; the others are absent. */
export type ParsedFields<Shape extends z.ZodRawShape> = { [K in keyof Shape]?: z.output<Shape[K]> };

/**
 * `z.object(shape).transform(build)`, plus cross-field `checks` that run on every submission.
 *
 * zod runs an object's `.refine`/`.superRefine`/`.transform` only once every field has passed, so a person who
 * fixed the field errors met a second round (an end before the start, a reversed period), shown without the
 * summary. Here the checks run first, on each field parsed on its own: a check looks only at the fields it needs
 * and skips when one of them did not parse (that field has its own error). The object then reports its field
 * errors as usual, so one parse, in the browser (react-hook-form's resolver) or in the action, gives every
 * error at once. `build` runs only when the fields parsed; its result is discarded if a check failed.
 */
export function objectWithChecks<Shape extends z.ZodRawShape, Out>(
  shape: Shape,
  checks: (fields: ParsedFields<Shape>, ctx: z.RefinementCtx, raw: Record<string, unknown>) => void,
  build: (values: z.output<z.ZodObject<Shape>>) => Out,
) {
  return withChecks(shape, z.object(shape).transform(build), checks);
}

/** The same for a given object schema (e.g. a `.strict()` one): `checks` first, then `schema` as it is. */
export function withChecks<Shape extends z.ZodRawShape, S extends z.ZodTypeAny>(
  shape: Shape,
  schema: S,
  checks: (fields: ParsedFields<Shape>, ctx: z.RefinementCtx, raw: Record<string, unknown>) => void,
) {
  return z.ZodEffects.create(schema, {
    type: "preprocess",
    transform: (raw: unknown, ctx: z.RefinementCtx) => {
      if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
      const input = raw as Record<string, unknown>;
      const fields: ParsedFields<Shape> = {};
      for (const key of Object.keys(shape) as (keyof Shape & string)[]) {
        const result = shape[key]!.safeParse(input[key]);
        if (result.success) fields[key] = result.data as z.output<Shape[typeof key]>;
      }
      checks(fields, ctx, input);
      return raw;
    },
  });
}

/** True when a raw form value holds something: a non-blank string, a non-empty list, a number. */
export function filledIn(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "number";
}
