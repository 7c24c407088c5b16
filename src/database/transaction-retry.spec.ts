import { DomainError } from '../common/domain-error';
import { withTransactionRetry } from './transaction-retry';

const dbError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { driverError: { code } });

describe('transaction retry', () => {
  const pauses: number[] = [];
  const options = { sleep: async (ms: number) => void pauses.push(ms), random: () => 0.5, baseDelayMs: 40, attempts: 4 };
  beforeEach(() => (pauses.length = 0));

  it.each([
    ['a deadlock', '40P01'],
    ['a serialisation failure', '40001'],
  ])('runs a transaction aborted by %s again and returns its result', async (_label, code) => {
    let calls = 0;
    const result = await withTransactionRetry(async () => {
      calls++;
      if (calls < 3) throw dbError(code);
      return 'gespeichert';
    }, options);
    expect(result).toBe('gespeichert');
    expect(calls).toBe(3);
    // jittered pauses that grow: half of 40 ms, then half of 80 ms
    expect(pauses).toEqual([20, 40]);
  });

  it('gives up after the bounded number of attempts with a German 409', async () => {
    let calls = 0;
    const run = withTransactionRetry(async () => {
      calls++;
      throw dbError('40P01');
    }, options);
    await expect(run).rejects.toBeInstanceOf(DomainError);
    await expect(run).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/gleichzeitig.*nichts gespeichert/) });
    expect(calls).toBe(4);
  });

  it('passes any other error on at once', async () => {
    let calls = 0;
    const unique = dbError('23505');
    await expect(
      withTransactionRetry(async () => {
        calls++;
        throw unique;
      }, options),
    ).rejects.toBe(unique);
    expect(calls).toBe(1);
  });
});
