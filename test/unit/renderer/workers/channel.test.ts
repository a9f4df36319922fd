import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPort,
  serve,
  withTransfer,
  WorkerError,
  type Handler,
  type Job,
  type Port,
} from '../../../../renderer/workers/channel';

class Refusal extends Error {}

interface PageHandlers {
  [name: string]: Handler;
  double(n: number): Promise<number>;
  refuse(reason: string): Promise<never>;
}

const seen: { aborted: boolean } = { aborted: false };

const handlers = {
  async count({ to }: { to: number }, job: Job<{ done: number }>) {
    for (let done = 1; done <= to; done++) job.progress({ done });
    return `counted to ${to}`;
  },
  wait(_: null, job: Job<never>) {
    return new Promise((_resolve, reject) =>
      job.signal.addEventListener('abort', () => {
        seen.aborted = true;
        reject(new Error('stopped'));
      }),
    );
  },
  check({ bad }: { bad: 'refusal' | 'bug' }) {
    if (bad === 'refusal') throw new Refusal('plant.csv line 3: no IP address');
    throw new TypeError('x is undefined');
  },
  async viaPage({ n }: { n: number }, job: Job<never, PageHandlers>) {
    return (await job.ask('double', n)) + 1;
  },
  async pageRefuses(_: null, job: Job<never, PageHandlers>) {
    return job.ask('refuse', 'the passphrase is wrong');
  },
  take({ bytes }: { bytes: Uint8Array }) {
    const copy = new Uint8Array(bytes);
    return withTransfer({ length: bytes.length, copy }, [copy.buffer]);
  },
};

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** A worker side and a page side on the two ends of a real MessageChannel. */
function pair() {
  const channel = new MessageChannel();
  channels.push(channel);
  serve(channel.port1 as unknown as Port, handlers, { refused: (e) => e instanceof Refusal });
  const page: PageHandlers = {
    double: async (n) => n * 2,
    refuse: async (reason) => {
      throw new Error(reason);
    },
  };
  return connectPort<typeof handlers, PageHandlers>(channel.port2 as unknown as Port, { answers: page });
}

describe('worker channel', () => {
  it('returns the typed result after every progress report, in order', async () => {
    const client = pair();
    const progress: number[] = [];
    const result = await client.call('count', { to: 4 }, { onProgress: (p) => progress.push(p.done) });
    expect(result).toBe('counted to 4');
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('cancels: the handler sees its signal abort and the call rejects as cancelled', async () => {
    const client = pair();
    seen.aborted = false;
    const controller = new AbortController();
    const call = client.call('wait', null, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).kind).toBe('cancelled');
    expect(seen.aborted).toBe(true);
    // Already aborted: refused at once, nothing sent.
    await expect(client.call('wait', null, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });

  it('carries errors as one type: refusals with their message, other errors as failures', async () => {
    const client = pair();
    await expect(client.call('check', { bad: 'refusal' })).rejects.toMatchObject({
      name: 'WorkerError',
      kind: 'refused',
      message: 'plant.csv line 3: no IP address',
    });
    await expect(client.call('check', { bad: 'bug' })).rejects.toMatchObject({
      kind: 'failed',
      message: 'x is undefined',
    });
    await expect(client.call('nope' as 'count', { to: 1 })).rejects.toMatchObject({
      kind: 'failed',
      message: 'no handler named "nope"',
    });
  });

  it('lets a handler ask the page back, errors included', async () => {
    const client = pair();
    expect(await client.call('viaPage', { n: 20 })).toBe(41);
    await expect(client.call('pageRefuses', null)).rejects.toMatchObject({
      kind: 'failed',
      message: 'the passphrase is wrong',
    });
  });

  it('moves buffers marked for transfer instead of copying them', async () => {
    const client = pair();
    const bytes = new Uint8Array([1, 2, 3]);
    const result = await client.call('take', { bytes }, { transfer: [bytes.buffer] });
    expect(bytes.byteLength).toBe(0);
    expect(result.length).toBe(3);
    expect([...result.copy]).toEqual([1, 2, 3]);
  });
});
