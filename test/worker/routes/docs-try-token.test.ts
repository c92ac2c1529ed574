import { describe, expect, it } from 'vitest';
import { READ_TOKEN, WRITE_TOKEN, harness } from '../../helpers/gateway-harness';

// /docs starts its token box with the development token only where the gateway accepts it
// (npm start, ecs-gateway-dev, the kit), and never writes any other token into the page.

const tokenInput = async (h: ReturnType<typeof harness>) => {
  const html = await (await h.request('/docs', { token: null })).text();
  return { html, input: /<input id="token"[^>]*>/.exec(html)?.[0] ?? '' };
};

describe('/docs token box', () => {
  it('starts with dev-token when GATEWAY_TOKENS holds it', async () => {
    const { input } = await tokenInput(harness({ GATEWAY_TOKENS: `${READ_TOKEN}:read, dev-token:write` }));
    expect(input).toContain('value="dev-token"');
  });

  it('otherwise is empty and says what to type; no configured token ever reaches the page', async () => {
    for (const tokens of [`${READ_TOKEN}:read, ${WRITE_TOKEN}:write`, 'dev-token-prod:write', undefined, 'not a list']) {
      const { html, input } = await tokenInput(harness({ GATEWAY_TOKENS: tokens }));
      expect(input, String(tokens)).not.toContain('value=');
      expect(input).toContain('placeholder="a token of GATEWAY_TOKENS"');
      for (const secret of [READ_TOKEN, WRITE_TOKEN, 'dev-token-prod']) expect(html).not.toContain(secret);
    }
  });

  it('links the Errors section and the /problems index', async () => {
    const { html } = await tokenInput(harness());
    expect(html).toContain('<a href="/problems">');
    expect(html).toContain('href="#errors"');
  });
});
