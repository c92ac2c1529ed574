// Query strings carry text: numbers are read with Number(), lists as `a,b` (or repeated
// `EcsIds=a&EcsIds=b`). The rules themselves stay those of the request models.

/** Only plain decimal digits become numbers ("0x10", "1e3" and "2.5" stay strings and fail). */
export const fromQueryNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : v) : v);

/** `a,b` and repeated parameters become one list; an empty one stays empty. */
export const fromQueryList = (v: unknown) =>
  typeof v === 'string' || Array.isArray(v)
    ? ([] as string[]).concat(v as string | string[]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)
    : v;
