// The account: billing subjects and balance.
/** This file's operations, in the order the docs list them. */
export const declared = [] as const;
