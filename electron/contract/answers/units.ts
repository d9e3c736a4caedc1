/**
 * What the answer validator needs to know about the 2025 administrative units. The main process
 * implements it over resources/admin-units (services/catalogue/adminUnits.ts); the renderer can
 * implement it over the lists it fetched. Kept tiny so both sides judge addresses the same way.
 */
export interface UnitsLookup {
  hasProvince(provinceCode: string): boolean;
  /** true: the commune belongs to that province; false: it belongs to another; 'unknown-commune': no such code. */
  communeInProvince(provinceCode: string, communeCode: string): boolean | 'unknown-commune';
  /** The commune's full name as written in the units file ("Phường Ba Đình"), or null. */
  communeName(communeCode: string): string | null;
  /** The province's full name as written in the units file ("Thành phố Hà Nội"), or null. */
  provinceName(provinceCode: string): string | null;
}
