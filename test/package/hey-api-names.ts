// hey-api renames a type whose name is already taken by appending a number (`CreateInstanceData2`).

/** Exported type names of hey-api's types.gen.ts that end in a digit. */
export function numberedTypeNames(typesGen: string): string[] {
  return [...typesGen.matchAll(/^export type (\w+)/gm)].map((m) => m[1]!).filter((name) => /\d$/.test(name));
}
