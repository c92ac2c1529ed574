export * from './create-image';
export * from './delete-image';
export * from './sync-image';
