import { describe, expect, it } from 'vitest';
import { ManualClock, RecordingClock, systemClock } from './clock.js';

describe('ManualClock', () => {
  it('given a sleep when time advances past it then it resolves at its due time, not before', async () => {
    const clock = new ManualClock(1_000);
    let wokeAt: number | undefined;
    void clock.sleep(500).then(() => (wokeAt = clock.now()));
    await clock.advance(499);
    expect(wokeAt).toBeUndefined();
    await clock.advance(10);
    expect(wokeAt).toBe(1_500);
    expect(clock.now()).toBe(1_509);
  });

  it('given chained sleeps inside one advance when advancing then each wakes at its own time', async () => {
    const clock = new ManualClock();
    const woke: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(100);
        woke.push(clock.now());
      }
    })();
    await clock.advance(1_000);
    expect(woke).toEqual([100, 200, 300]);
  });

  it('given sleepers due at the same time when advancing then they wake in the order they slept', async () => {
    const clock = new ManualClock();
    const order: string[] = [];
    void clock.sleep(10).then(() => order.push('a'));
    void clock.sleep(5).then(() => order.push('b'));
    void clock.sleep(10).then(() => order.push('c'));
    await clock.advance(10);
    expect(order).toEqual(['b', 'a', 'c']);
  });

  it('given an aborted sleep when aborted then it rejects with the reason and is no longer pending', async () => {
    const clock = new ManualClock();
    const ctl = new AbortController();
    const p = clock.sleep(100, ctl.signal);
    expect(clock.pendingSleeps).toBe(1);
    ctl.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
    expect(clock.pendingSleeps).toBe(0);
    await expect(clock.sleep(1, ctl.signal)).rejects.toThrow('stop');
  });

  it('given a zero sleep when awaited then it resolves without advancing', async () => {
    const clock = new ManualClock();
    await clock.sleep(0);
    expect(clock.pendingSleeps).toBe(0);
  });
});

describe('RecordingClock', () => {
  it('given sleeps when awaited then they resolve at once, are recorded and move now()', async () => {
    const clock = new RecordingClock(10);
    await clock.sleep(250);
    await clock.sleep(1_000);
    expect(clock.waits).toEqual([250, 1_000]);
    expect(clock.now()).toBe(1_260);
  });
});

describe('systemClock', () => {
  it('given an aborted signal when sleeping then it rejects with an AbortError', async () => {
    const ctl = new AbortController();
    const p = systemClock.sleep(60_000, ctl.signal);
    ctl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
