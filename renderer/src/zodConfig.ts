import { z } from 'zod';

/**
 * zod probes `new Function` to compile fast parsers; under our CSP (no 'unsafe-eval') the probe is
 * refused and reported as a CSP violation. Parse without it. Imported first by main.tsx.
 */
z.config({ jitless: true });
