export default {
  fetch: () => new Response('placeholder'),
};
export class IdempotencyStore {
  constructor(_state: unknown, _env: unknown) {}
  fetch() { return new Response('placeholder'); }
}
