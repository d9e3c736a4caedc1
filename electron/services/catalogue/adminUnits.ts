import fs from 'node:fs';
import path from 'node:path';
import type { UnitsLookup } from '../../contract/answers/index';
import { foldForSearch } from '../../contract/text';

/** A unit as the catalogue contract returns it: names exactly as in the units file. */
export interface Unit {
  code: string;
  name: string;
  fullName: string;
}

export interface CommuneUnit extends Unit {
  provinceCode: string;
  /** 'Phường' | 'Xã' | 'Đặc khu' */
  kind: string;
}

interface RawWard {
  Code: string;
  Name: string;
  FullName: string;
  ProvinceCode: string;
  AdministrativeUnitShortName: string;
}
interface RawProvince {
  Code: string;
  Name: string;
  FullName: string;
  Wards: RawWard[];
}

/** The 2025 provinces and communes, indexed by code. Built once per file; look-ups are O(1). */
export class AdminUnits {
  private readonly provinceList: Unit[];
  private readonly provinceByCode = new Map<string, Unit>();
  private readonly communeByCode = new Map<string, CommuneUnit>();
  private readonly communesByProvince = new Map<string, CommuneUnit[]>();
  private readonly folded = new Map<string, string>();

  /** What the answer validator needs (contract/answers/units.ts). */
  readonly lookup: UnitsLookup;

  constructor(raw: unknown, readonly source: string) {
    if (!Array.isArray(raw)) throw new Error(`${source}: expected an array of provinces`);
    this.provinceList = [];
    for (const p of raw as RawProvince[]) {
      if (typeof p?.Code !== 'string' || typeof p.Name !== 'string' || !Array.isArray(p.Wards)) {
        throw new Error(`${source}: a province entry lacks Code, Name or Wards`);
      }
      const province: Unit = { code: p.Code, name: p.Name, fullName: p.FullName };
      this.provinceList.push(province);
      this.provinceByCode.set(province.code, province);
      const communes: CommuneUnit[] = p.Wards.map((w) => ({
        code: w.Code,
        name: w.Name,
        fullName: w.FullName,
        provinceCode: w.ProvinceCode ?? p.Code,
        kind: w.AdministrativeUnitShortName,
      }));
      for (const c of communes) {
        if (this.communeByCode.has(c.code)) throw new Error(`${source}: commune code ${c.code} appears twice`);
        this.communeByCode.set(c.code, c);
        this.folded.set(c.code, foldForSearch(c.fullName));
      }
      this.communesByProvince.set(province.code, communes);
    }
    this.lookup = {
      hasProvince: (code) => this.provinceByCode.has(code),
      communeInProvince: (provinceCode, communeCode) => {
        const commune = this.communeByCode.get(communeCode);
        return commune ? commune.provinceCode === provinceCode : 'unknown-commune';
      },
      communeName: (code) => this.communeByCode.get(code)?.fullName ?? null,
      provinceName: (code) => this.provinceByCode.get(code)?.fullName ?? null,
    };
  }

  /** The 34 provinces in file order (by code). */
  provinces(): Unit[] {
    return this.provinceList.map((p) => ({ ...p }));
  }

  /** Communes and wards of a province in file order; empty for an unknown province. */
  communes(provinceCode: string): CommuneUnit[] {
    return (this.communesByProvince.get(provinceCode) ?? []).map((c) => ({ ...c }));
  }

  findCommune(code: string): { commune: CommuneUnit; province: Unit } | null {
    const commune = this.communeByCode.get(code);
    if (!commune) return null;
    const province = this.provinceByCode.get(commune.provinceCode);
    return province ? { commune: { ...commune }, province: { ...province } } : null;
  }

  findProvince(code: string): Unit | null {
    const p = this.provinceByCode.get(code);
    return p ? { ...p } : null;
  }

  /** Communes whose folded full name (contract/text foldForSearch) contains the folded query ("phuong ba dinh"). */
  searchCommunes(query: string, provinceCode?: string, limit = 20): CommuneUnit[] {
    const q = foldForSearch(query);
    if (q === '') return [];
    const pool = provinceCode ? (this.communesByProvince.get(provinceCode) ?? []) : [...this.communeByCode.values()];
    return pool.filter((c) => this.folded.get(c.code)?.includes(q)).slice(0, limit).map((c) => ({ ...c }));
  }

  get communeCount(): number {
    return this.communeByCode.size;
  }
}

/** The newest `vn-units-*.json` in resources/admin-units (names sort by date). */
export function adminUnitsFile(resourcesDir: string): string {
  const dir = path.join(resourcesDir, 'admin-units');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^vn-units-.*\.json$/.test(f)).sort() : [];
  const newest = files.at(-1);
  if (!newest) throw new Error(`No administrative units file (vn-units-*.json) in ${dir}`);
  return path.join(dir, newest);
}

const cache = new Map<string, AdminUnits>();

/** Loads (once per file) the 2025 units shipped in `<resourcesDir>/admin-units/`. */
export function loadAdminUnits(resourcesDir: string): AdminUnits {
  const file = adminUnitsFile(resourcesDir);
  let units = cache.get(file);
  if (!units) {
    units = new AdminUnits(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, file);
    cache.set(file, units);
  }
  return units;
}
