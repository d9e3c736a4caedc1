export * from './scanner';
export * from './scannerError';
export { SaneScanner, type SaneScannerOptions } from './saneScanner';
export { sourceKind, modeKind } from './sourceNames';
export { ScannerHub } from './scannerHub';
export { EsclScanner, type EsclScannerOptions } from './esclScanner';
export { discoverEscl } from './esclDiscovery';
