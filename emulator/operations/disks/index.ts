export * from './extend-disk';
