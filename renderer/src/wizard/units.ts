import { useEffect, useState } from 'react';
import type { UnitsLookup } from '../../../electron/contract/answers/index';
import { api } from '../api';

export interface Unit {
  code: string;
  name: string;
  fullName: string;
}

/** The 2025 units change only with an app update: each list is fetched once per window. */
const cache = new Map<string, Promise<Unit[]>>();
/** The lists that have arrived, for the validator's synchronous look-ups. */
const resolved = new Map<string, Unit[]>();

function load(key: string, fetch: () => Promise<{ units: Unit[] }>): Promise<Unit[]> {
  let promise = cache.get(key);
  if (!promise) {
    promise = fetch().then((r) => {
      resolved.set(key, r.units);
      return r.units;
    });
    // A failed fetch is tried again next time.
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}

export function provinces(): Promise<Unit[]> {
  return load('provinces', () => api.catalogue.provinces());
}

export function communes(provinceCode: string): Promise<Unit[]> {
  return load(`communes:${provinceCode}`, () => api.catalogue.communes({ provinceCode }));
}

/**
 * The validator's view of the units, over the lists fetched so far. A list not fetched yet answers
 * "fine": the screen only offers codes from the lists, and the app checks again on every save.
 */
export const unitsLookup: UnitsLookup = {
  hasProvince: (code) => {
    const list = resolved.get('provinces');
    return !list || list.some((u) => u.code === code);
  },
  communeInProvince: (provinceCode, communeCode) => {
    const list = resolved.get(`communes:${provinceCode}`);
    return !list || list.some((u) => u.code === communeCode);
  },
  communeName: (code) => {
    for (const [key, list] of resolved) if (key.startsWith('communes:')) for (const u of list) if (u.code === code) return u.fullName;
    return null;
  },
  provinceName: (code) => resolved.get('provinces')?.find((u) => u.code === code)?.fullName ?? null,
};

export type UnitsState = { status: 'idle' | 'loading' } | { status: 'ready'; units: Unit[] } | { status: 'failed'; error: unknown };

/** The units of a list as they arrive; `null` asks for nothing (no province chosen yet). */
export function useUnits(request: (() => Promise<Unit[]>) | null, key: string): UnitsState {
  const [state, setState] = useState<{ key: string; value: UnitsState }>({ key: '', value: { status: 'idle' } });
  useEffect(() => {
    if (!request) return;
    let current = true;
    request().then(
      (units) => current && setState({ key, value: { status: 'ready', units } }),
      (error: unknown) => current && setState({ key, value: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
    // The key names the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!request) return { status: 'idle' };
  return state.key === key ? state.value : { status: 'loading' };
}

/** "Phường Ba Đình, Thành phố Hà Nội" for the review, from the cached lists. */
export function useUnitName(provinceCode: string, communeCode: string): string | null {
  const province = useUnits(provinceCode ? provinces : null, 'provinces');
  const commune = useUnits(provinceCode ? () => communes(provinceCode) : null, `communes:${provinceCode}`);
  if (province.status !== 'ready') return null;
  const p = province.units.find((u) => u.code === provinceCode);
  const c = commune.status === 'ready' ? commune.units.find((u) => u.code === communeCode) : undefined;
  return [c?.fullName, p?.fullName].filter(Boolean).join(', ') || null;
}
