import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface SimDossier {
  id: string;
  dossierCode: string;
  procedureCode: string;
  status: number;
  receivedAt: string;
  attachments: { sha256: string; bytes: number }[];
}

export interface RunningSim {
  url: string;
  child: ChildProcess;
  dossiers(): Promise<SimDossier[]>;
  admin<T = unknown>(pathname: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the simulator exactly as documented (`npm run -s portal-sim -- …`) and waits for its "listening on" line. */
export function startSim(args: { db: string; port?: number; failRate?: number; latencyMs?: number; extra?: string[] }): Promise<RunningSim> {
  const argv = ['run', '-s', 'portal-sim', '--', '--port', String(args.port ?? 0), '--db', args.db, '--fail-rate', String(args.failRate ?? 0), '--latency-ms', String(args.latencyMs ?? 0), ...(args.extra ?? [])];
  const child = spawn('npm', argv, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`portal-sim exited ${code}: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      const url = m[1]!;
      const admin = async <T,>(pathname: string, body?: unknown): Promise<T> => {
        const res = await fetch(`${url}${pathname}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return (await res.json()) as T;
      };
      resolve({
        url,
        child,
        admin,
        dossiers: async () => (await admin<{ dossiers: SimDossier[] }>('/v1/dossiers')).dossiers,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            if (child.exitCode !== null || child.signalCode !== null) return done();
            // A simulator that does not stop within 5 s is killed: a test never hangs on it.
            const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
            child.on('exit', () => {
              clearTimeout(force);
              done();
            });
            process.kill(-child.pid!, 'SIGTERM');
          }),
      });
    });
  });
}
