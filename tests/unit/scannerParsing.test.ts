import { describe, expect, it } from 'vitest';
import { parseCapabilities, parseScanSettings, parseStatus, scanSettingsXml } from '../../native/scanner/esclXml';
import { capabilitiesFromOptions, parseSaneOptions } from '../../native/scanner/saneOptionList';
import { saneError } from '../../native/scanner/saneStatus';
import { deviceSourceName, modeKind, sourceKind } from '../../native/scanner/sourceNames';

// Shaped like `scanimage -A` of an Epson-style SANE backend (not the test backend the integration tests use).
const epsonOptions = `All options specific to device \`epsonds:libusb:001:004':
  Standard:
    --source Flatbed|ADF Front|ADF Duplex [Flatbed]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Gray|Color [Color]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 75|150|300|600dpi [300]
        Sets the resolution of the scanned image.
    --eject[=(yes|no)] [inactive]
        Eject the sheet in the ADF
  Geometry:
    -x 0..215.9mm [215.9]
        Width of scan-area.
    -y 0..297.1mm [297.1]
        Height of scan-area.
`;

describe('SANE option and status parsing', () => {
  it('maps a device’s own source and mode names to ours', () => {
    const caps = capabilitiesFromOptions(parseSaneOptions(epsonOptions));
    expect(caps.sources).toEqual(['flatbed', 'feeder', 'duplex']);
    expect(caps.modes).toEqual(['bw', 'gray', 'color']);
    expect(caps.resolutions).toEqual([75, 150, 300, 600]);
    expect(caps.maxWidthMm).toBeCloseTo(215.9);
    expect(deviceSourceName(caps.sourceNames, 'feeder')).toBe('ADF Front');
    expect(deviceSourceName(caps.sourceNames, 'duplex')).toBe('ADF Duplex');
    expect(sourceKind('Document Table')).toBe('flatbed');
    expect(sourceKind('Automatic Document Feeder')).toBe('feeder');
    expect(modeKind('Halftone')).toBe('bw');
  });

  it('turns scanimage exit statuses and messages into error kinds', () => {
    expect(saneError(6, 'scanimage: sane_read: Document feeder jammed\n', 0).kind).toBe('jammed');
    expect(saneError(8, '', 0).kind).toBe('coverOpen');
    expect(saneError(3, 'scanimage: sane_start: Device busy\n', 1).kind).toBe('busy');
    expect(saneError(1, "scanimage: open of device epson2:net:10.0.0.9 failed: Invalid argument\n", 0).kind).toBe('notFound');
    expect(saneError(9, 'scanimage: sane_read: Error during device I/O\n', 2)).toMatchObject({ kind: 'io', pagesDelivered: 2 });
    // The "received signal" line scanimage adds on SIGPIPE is not the reason.
    expect(saneError(7, 'scanimage: sane_read: Document feeder out of documents\nscanimage: received signal 13\n', 0).deviceMessage).toBe('sane_read: Document feeder out of documents');
  });
});

describe('eSCL XML', () => {
  it('writes ScanSettings that read back the same', () => {
    const settings = { inputSource: 'Feeder' as const, duplex: true, colorMode: 'Grayscale8' as const, resolution: 300, width: 2480, height: 3508, documentFormat: 'image/jpeg' };
    expect(parseScanSettings(scanSettingsXml(settings))).toEqual(settings);
  });

  it('reads status with AdfState and jobs, whatever the namespace prefixes', () => {
    const status = parseStatus(`<?xml version="1.0"?><s:ScannerStatus xmlns:s="x" xmlns:p="y"><p:State>Idle</p:State><s:AdfState>ScannerAdfJam</s:AdfState>
      <s:Jobs><s:JobInfo><p:JobUri>/eSCL/ScanJobs/1</p:JobUri><p:JobState>Aborted</p:JobState><p:JobStateReasons><p:JobStateReason>AbortedBySystem</p:JobStateReason></p:JobStateReasons></s:JobInfo></s:Jobs></s:ScannerStatus>`);
    expect(status).toEqual({ state: 'Idle', adfState: 'ScannerAdfJam', jobs: [{ uri: '/eSCL/ScanJobs/1', state: 'Aborted', reasons: ['AbortedBySystem'] }] });
    const caps = parseCapabilities('<scan:ScannerCapabilities><pwg:MakeAndModel>HP &amp; Co</pwg:MakeAndModel><scan:Platen><scan:PlatenInputCaps><scan:MaxWidth>2550</scan:MaxWidth></scan:PlatenInputCaps></scan:Platen></scan:ScannerCapabilities>');
    expect(caps).toMatchObject({ makeAndModel: 'HP & Co', platen: true, adf: false, duplex: false, maxWidth: 2550 });
  });
});
