/**
 * A token worker whose `stuck` job never returns, blocking its thread as a middleware that hangs in
 * C_Login does; the other operations are the real ones.
 */
import { serveTokenWorker } from '../../native/token/tokenWorkerServer';

serveTokenWorker({
  stuck: () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    // Blocks this thread (no event loop turn) until terminated.
    for (;;) Atomics.wait(cell, 0, 0, 1000);
  },
});
