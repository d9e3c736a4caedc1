import { parseArgs } from 'node:util';
import { startPortalSim } from './server';

/** `npm run -s portal-sim -- --port <n> --db <file> [--fail-rate <0..1>] [--latency-ms <ms>] [--advance-every-ms <ms>]` (shared/CLI.md). */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    'fail-rate': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    'advance-every-ms': { type: 'string', default: '0' },
  },
});

function fail(text: string): never {
  console.error(`error[USAGE]: ${text}`);
  process.exit(2);
}

const port = Number(values.port);
if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) fail('--port <n> is required (0..65535)');
if (!values.db) fail('--db <file> is required');
const failRate = Number(values['fail-rate']);
if (!(failRate >= 0 && failRate <= 1)) fail('--fail-rate must be between 0 and 1');
const latencyMs = Number(values['latency-ms']);
if (!(latencyMs >= 0)) fail('--latency-ms must be ≥ 0');
const advanceEveryMs = Number(values['advance-every-ms']);

const sim = await startPortalSim({ db: values.db, failRate, latencyMs, advanceEveryMs }, port);
process.stdout.write(`listening on ${sim.url}\n`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
