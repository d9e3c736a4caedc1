/** Entry of the signing worker: the PKCS#11 worker plus the `signPdf` job (services/signing). */
import { serveTokenWorker } from '../../../native/token/tokenWorkerServer';
import { runSignPdfJob, type SignPdfJob } from './signPdfJob';

serveTokenWorker({
  signPdf: (payload, { moduleFor }) => {
    const job = payload as SignPdfJob;
    return runSignPdfJob(job, moduleFor(job.module));
  },
});
