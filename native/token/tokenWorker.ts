/** Entry of the plain PKCS#11 worker (listing, presence, raw signatures). */
import { serveTokenWorker } from './tokenWorkerServer';

serveTokenWorker();
