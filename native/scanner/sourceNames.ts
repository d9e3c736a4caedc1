import type { ScanColorMode, ScanSource } from './scanner';

/**
 * Devices name their sources freely ("Flatbed", "ADF Duplex", "Automatic Document Feeder",
 * "Document Table", "ADF Front"…). Duplex is checked first because its names also say ADF.
 */
export function sourceKind(deviceName: string): ScanSource | null {
  if (/duplex|both sides|double/i.test(deviceName)) return 'duplex';
  if (/adf|feeder|automatic document|front|back|rear|sheet/i.test(deviceName)) return 'feeder';
  if (/flatbed|platen|document table|glass|normal/i.test(deviceName)) return 'flatbed';
  return null;
}

/** The device's own name for one of our sources, when it has one. */
export function deviceSourceName(deviceNames: readonly string[], wanted: ScanSource): string | undefined {
  return deviceNames.find((name) => sourceKind(name) === wanted);
}

export function modeKind(deviceName: string): ScanColorMode | null {
  if (/colou?r|rgb/i.test(deviceName)) return 'color';
  if (/gr[ae]y/i.test(deviceName)) return 'gray';
  if (/lineart|binary|black|halftone|mono/i.test(deviceName)) return 'bw';
  return null;
}

export function unique<T>(values: readonly (T | null)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null))];
}
