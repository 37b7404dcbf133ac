import { describe, expect, it } from 'vitest';
import { redactLines, redactSecrets } from '../../src/redact.js';

describe('redactSecrets', () => {
  const env = { DATABRICKS_TOKEN: 'my-very-secret-value', DATABRICKS_CLIENT_SECRET: 'sp-secret-123456', MY_API_KEY: 'k3y-abcdef', HOME: '/home/runner', SHORT_TOKEN: 'abc' };

  it('removes the values of secret environment variables wherever they appear', () => {
    expect(redactSecrets('token my-very-secret-value and sp-secret-123456 and k3y-abcdef', env)).toBe('token *** and *** and ***');
  });

  it('removes anything that looks like a token even when the environment does not hold it', () => {
    const pat = 'dapi' + 'a1'.repeat(16);
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwcyJ9.c2lnbmF0dXJl';
    expect(redactSecrets(`Error: invalid token ${pat}`, {})).toBe('Error: invalid token ***');
    expect(redactSecrets(`Authorization: Bearer ${jwt}`, {})).toBe('Authorization: Bearer ***');
    expect(redactSecrets(`id token ${jwt} expired`, {})).toBe('id token *** expired');
    expect(redactSecrets('token = s3cr3tvalue\nclient_secret: "abcdefgh"', {})).toBe('token = ***\nclient_secret: "***"');
    expect(redactSecrets('ghp_' + 'A'.repeat(36), {})).toBe('***');
  });

  it('leaves ordinary output alone (paths, short values, the word token)', () => {
    const text = 'Error: file test1.py not found\n  in /home/runner/work/databricks.yml:3:5\nthe token was refused: abc';
    expect(redactSecrets(text, env)).toBe(text);
    expect(redactLines(['Run URL: https://x.cloud.databricks.com/?o=1#job/2/run/3'], env)).toEqual(['Run URL: https://x.cloud.databricks.com/?o=1#job/2/run/3']);
  });
});
