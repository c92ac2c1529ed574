export * from './describe-ecs-family-info';
export * from './describe-images';
export * from './describe-regions';
