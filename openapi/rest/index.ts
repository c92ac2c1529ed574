export * from './common';
export * from './regions';
export * from './families';
export * from './images';
export * from './instances';
export * from './events';
export * from './disks';
export * from './meta';
