export * from './describe-ecs-family-info';
export * from './describe-images';
export * from './describe-regions';
export * from './describe-zone-instance-type';
