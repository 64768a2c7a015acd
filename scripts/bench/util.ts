/** The benchmarks' helpers that need Node (heap measurements); the rest are in stats.ts, which a browser page runs too. */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

export * from './stats';

let gcFn: (() => void) | null = null;
/** A full garbage collection (through --expose-gc set at run time), so heap deltas mean something. */
export function gc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

export function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}
