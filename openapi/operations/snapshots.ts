// Disk snapshots and snapshot chains (EBS, served on /ebs/v1).
/** This file's operations, in the order the docs list them. */
export const declared = [] as const;
