import { createGatewayApp } from './app';

export { IdempotencyStore } from './idempotency/idempotency-store';

export default createGatewayApp();
