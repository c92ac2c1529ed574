// Query strings carry text. Both the gateway's REST query and the emulator's wire query turn it
// into the request models' types with these two, so the rules live here once.

/** Plain decimal digits become a number; blank is unset; anything else ("0x10", "1e3", "2.5") stays text and fails the schema. */
export const fromQueryNumber = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const text = v.trim();
  if (text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : v;
};

/** `a,b` (or a repeated parameter) becomes a list of trimmed, non-empty items; none at all is unset. */
export const fromQueryList = (v: unknown): unknown => {
  if (typeof v !== 'string' && !Array.isArray(v)) return v;
  const items = ([] as string[])
    .concat(v as string | string[])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return items;
};
