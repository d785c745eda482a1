import { describe, expect, it } from 'vitest';
import { AttemptKey } from './attempt-key';

describe('the idempotency key of a money action', () => {
  const keys = () => {
    let n = 0;
    return new AttemptKey(() => `k${++n}`);
  };
  it('is made once per attempt and reused on retries until the server answers', () => {
    const k = keys();
    expect(k.get()).toBe('k1');
    expect(k.get()).toBe('k1');
    k.settle(new TypeError('Failed to fetch'));
    expect(k.get()).toBe('k1');
    k.settle({ type: '/problems/conflict', status: 409 });
    expect(k.get()).toBe('k1');
    k.settle();
    expect(k.get()).toBe('k2');
    k.settle({ type: '/problems/insufficient-funds', status: 422 });
    expect(k.get()).toBe('k3');
  });
});
