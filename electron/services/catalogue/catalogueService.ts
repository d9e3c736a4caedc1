import type { UnitsLookup } from '../../contract/answers/index';
import type { ProcedureSummary, SearchResult } from '../../contract/catalogue';
import { ContractError } from '../../contract/errors';
import type { ProcedureDefinition } from '../../contract/procedure';
import type { AdminUnits } from './adminUnits';
import type { ProcedureSearch } from './search';

/** The procedures this counter offers, their search, and the 2025 administrative units. */
export class CatalogueService {
  private readonly byCode: Map<string, ProcedureDefinition>;

  constructor(
    definitions: readonly ProcedureDefinition[],
    private readonly searchIndex: ProcedureSearch,
    private readonly adminUnits: AdminUnits,
  ) {
    this.byCode = new Map(definitions.map((d) => [d.code, d]));
  }

  get units(): UnitsLookup {
    return this.adminUnits.lookup;
  }

  get size(): number {
    return this.byCode.size;
  }

  list(): ProcedureSummary[] {
    return [...this.byCode.values()]
      .map((d) => ({ code: d.code, name: d.name, sector: d.sector, level: d.level, agencyName: d.agency.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  find(code: string): ProcedureDefinition | undefined {
    return this.byCode.get(code);
  }

  get(code: string): ProcedureDefinition {
    const definition = this.byCode.get(code);
    if (!definition) {
      throw new ContractError({
        code: 'NOT_FOUND',
        message_vi: `Không có thủ tục mã ${code} trong danh mục.`,
        message_en: `There is no procedure with code ${code} in the catalogue.`,
        details: { code },
      });
    }
    return definition;
  }

  search(query: string, limit: number): SearchResult[] {
    return this.searchIndex.search(query, limit);
  }

  close(): void {
    this.searchIndex.close();
  }

  provinces() {
    return this.adminUnits.provinces();
  }

  communes(provinceCode: string) {
    return this.adminUnits.communes(provinceCode);
  }
}
