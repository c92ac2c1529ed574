import { createGatewayApp } from './app';

export { IdempotencyStore } from './idempotency/store';

export default createGatewayApp();
