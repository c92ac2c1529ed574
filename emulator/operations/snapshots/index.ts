export * from './create-snapshot';
export * from './delete-snapshot';
export * from './describe-snapshot';
export * from './describe-snapshot-list';
export * from './describe-snapshot-quota';
export * from './rename-snapshot';
export * from './rollback-disk-by-snapshot';
