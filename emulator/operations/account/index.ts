export * from './describe-account-subject';
