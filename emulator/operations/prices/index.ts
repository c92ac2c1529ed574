export * from './describe-price';
