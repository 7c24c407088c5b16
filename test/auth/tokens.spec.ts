import { hashToken, TokenService } from '../../src/auth/token.service';
import { startTestApp, type TestApp } from '../support/test-app';

describe('access tokens', () => {
  let t: TestApp;
  let tokens: TokenService;
  beforeAll(async () => {
    t = await startTestApp();
    tokens = t.app.get(TokenService);
  });
  afterAll(() => t?.close());

  it('stores only the hash of a token, never the token itself', async () => {
    const { id, token } = await tokens.create('regional', ['witten']);
    const [row] = await t.dataSource.query('SELECT * FROM api_token WHERE id = $1', [id]);
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('creates random tokens', async () => {
    const a = await tokens.create('coordination', []);
    const b = await tokens.create('coordination', []);
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^smt_[A-Za-z0-9_-]{43}$/);
  });

  it('binds a regional token to its offices', async () => {
    const { token } = await tokens.create('regional', ['witten', 'hattingen']);
    expect(await tokens.authenticate(token)).toMatchObject({ role: 'regional', officeIds: ['hattingen', 'witten'] });
  });

  it('refuses a regional token without an office, and an unknown office, writing nothing', async () => {
    const before = await t.count('api_token');
    await expect(tokens.create('regional', [])).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(tokens.create('regional', ['witten', 'atlantis'])).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(tokens.create('coordination', ['witten'])).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await t.count('api_token')).toBe(before);
  });

  it('revokes a token so that it no longer authenticates', async () => {
    const { id, token } = await tokens.create('coordination', []);
    expect(await tokens.revoke(id)).toBe(true);
    expect(await tokens.authenticate(token)).toBeUndefined();
    expect(await tokens.revoke(id)).toBe(false);
    expect(await tokens.revoke('not-a-uuid')).toBe(false);
  });
});
