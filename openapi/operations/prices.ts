// Price quotes for would-be orders.
/** This file's operations, in the order the docs list them. */
export const declared = [] as const;
