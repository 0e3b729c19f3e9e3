import { createHmac } from 'node:crypto';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  webhookSecretKey,
} from './webhook-signature';

describe('webhook signatures', () => {
  it('matches the published Standard Webhooks test vector', () => {
    const signature = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is an HMAC-SHA256 over id.timestamp.body keyed with the decoded secret bytes', () => {
    const secret = generateWebhookSecret();
    const content = {
      id: '7d0c0f3e-2f4b-4a0e-9a57-0d1c7c1b2e11',
      timestamp: 1763900000,
      body: '{"type":"case.submitted","data":{"reference":"OMB-2026-000001","name":"Анна"}}',
    };
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const independent = createHmac('sha256', key)
      .update(`${content.id}.${content.timestamp}.${content.body}`)
      .digest('base64');
    expect(signWebhook(secret, content)).toBe(`v1,${independent}`);
  });

  it('generates whsec_ secrets of 32 random bytes, different every time', () => {
    const first = generateWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(first)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(first);
  });

  it('verifies a matching signature among several and refuses an altered body', () => {
    const secret = generateWebhookSecret();
    const content = { id: 'evt-1', timestamp: 1763900000, body: '{"a":1}' };
    const header = `v1,bm90LXRoaXMtb25l ${signWebhook(secret, content)}`;
    expect(verifyWebhook(secret, content, header)).toBe(true);
    expect(verifyWebhook(secret, { ...content, body: '{"a":2}' }, header)).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), content, header)).toBe(false);
  });
});
