export * from './describe-task-event';
