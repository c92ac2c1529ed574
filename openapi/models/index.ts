export * from './common';
export * from './region';
export * from './event';
export * from './family';
export * from './instance';
export * from './results';
export * from './requests';
export * from './problem';
