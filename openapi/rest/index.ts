export * from './common';
export * from './meta';
export * from './operation-route';
