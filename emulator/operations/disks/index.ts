export * from './extend-disk';
export * from './create-disk';
export * from './describe-disk';
export * from './describe-disk-list';
export * from './attach-disk';
export * from './detach-disk';
export * from './delete-disk';
export * from './describe-disk-quota';
