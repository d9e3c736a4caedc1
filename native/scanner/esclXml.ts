/**
 * The few eSCL (Mopria / HP eSCL 2.x) XML shapes we read and write. eSCL documents are flat and
 * small, so elements are read by local name (any namespace prefix) instead of pulling in a parser.
 */
export const esclNamespaces = {
  scan: 'http://schemas.hp.com/imaging/escl/2011/05/03',
  pwg: 'http://www.pwg.org/schemas/2010/12/sm',
};

/** Text of every element with this local name, in document order. */
export function texts(xml: string, localName: string): string[] {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${localName}(?:\\s[^>]*)?>([^<]*)</(?:[\\w-]+:)?${localName}>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => decode(m[1]!.trim()));
}

/** Inner XML of every element with this local name (elements of the same name are not nested in eSCL). */
export function sections(xml: string, localName: string): string[] {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${localName}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${localName}>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => m[1]!);
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export type EsclColorMode = 'RGB24' | 'Grayscale8' | 'BlackAndWhite1';
export type EsclInputSource = 'Platen' | 'Feeder';

export interface EsclScanSettings {
  inputSource: EsclInputSource;
  duplex: boolean;
  colorMode: EsclColorMode;
  resolution: number;
  /** Region in 1/300 inch (eSCL's ThreeHundredthsOfInches). */
  width: number;
  height: number;
  documentFormat: string;
}

export function scanSettingsXml(s: EsclScanSettings): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:scan="${esclNamespaces.scan}" xmlns:pwg="${esclNamespaces.pwg}">
  <pwg:Version>2.6</pwg:Version>
  <scan:Intent>Document</scan:Intent>
  <pwg:ScanRegions>
    <pwg:ScanRegion>
      <pwg:Height>${s.height}</pwg:Height>
      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
      <pwg:Width>${s.width}</pwg:Width>
      <pwg:XOffset>0</pwg:XOffset>
      <pwg:YOffset>0</pwg:YOffset>
    </pwg:ScanRegion>
  </pwg:ScanRegions>
  <pwg:InputSource>${s.inputSource}</pwg:InputSource>
  <scan:Duplex>${s.duplex}</scan:Duplex>
  <scan:ColorMode>${s.colorMode}</scan:ColorMode>
  <scan:XResolution>${s.resolution}</scan:XResolution>
  <scan:YResolution>${s.resolution}</scan:YResolution>
  <pwg:DocumentFormat>${escape(s.documentFormat)}</pwg:DocumentFormat>
  <scan:DocumentFormatExt>${escape(s.documentFormat)}</scan:DocumentFormatExt>
</scan:ScanSettings>`;
}

export function parseScanSettings(xml: string): EsclScanSettings {
  const number = (name: string, fallback: number) => Number(texts(xml, name)[0] ?? fallback);
  return {
    inputSource: texts(xml, 'InputSource')[0] === 'Feeder' ? 'Feeder' : 'Platen',
    duplex: texts(xml, 'Duplex')[0] === 'true',
    colorMode: (texts(xml, 'ColorMode')[0] ?? 'RGB24') as EsclColorMode,
    resolution: number('XResolution', 300),
    width: number('Width', 2480),
    height: number('Height', 3508),
    documentFormat: texts(xml, 'DocumentFormatExt')[0] ?? texts(xml, 'DocumentFormat')[0] ?? 'image/jpeg',
  };
}

export interface EsclCapabilities {
  makeAndModel: string;
  platen: boolean;
  adf: boolean;
  duplex: boolean;
  colorModes: EsclColorMode[];
  resolutions: number[];
  formats: string[];
  /** Largest region in 1/300 inch. */
  maxWidth: number;
  maxHeight: number;
}

export function parseCapabilities(xml: string): EsclCapabilities {
  const adf = sections(xml, 'Adf')[0];
  const inputCaps = [...sections(xml, 'PlatenInputCaps'), ...sections(xml, 'AdfSimplexInputCaps')];
  const first = inputCaps[0] ?? xml;
  return {
    makeAndModel: texts(xml, 'MakeAndModel')[0] ?? 'eSCL scanner',
    platen: sections(xml, 'Platen').length > 0,
    adf: adf !== undefined,
    duplex: adf !== undefined && (sections(adf, 'AdfDuplexInputCaps').length > 0 || texts(adf, 'AdfOption').includes('Duplex')),
    colorModes: [...new Set(texts(xml, 'ColorMode'))] as EsclColorMode[],
    resolutions: [...new Set(texts(xml, 'XResolution').map(Number))].filter((r) => r > 0).sort((a, b) => a - b),
    formats: [...new Set([...texts(xml, 'DocumentFormat'), ...texts(xml, 'DocumentFormatExt')])],
    maxWidth: Number(texts(first, 'MaxWidth')[0] ?? 2550),
    maxHeight: Number(texts(first, 'MaxHeight')[0] ?? 3508),
  };
}

export interface EsclStatus {
  state: string;
  adfState: string | null;
  jobs: { uri: string; state: string; reasons: string[] }[];
}

export function parseStatus(xml: string): EsclStatus {
  return {
    state: texts(xml, 'State')[0] ?? 'Idle',
    adfState: texts(xml, 'AdfState')[0] ?? null,
    jobs: sections(xml, 'JobInfo').map((job) => ({ uri: texts(job, 'JobUri')[0] ?? '', state: texts(job, 'JobState')[0] ?? '', reasons: texts(job, 'JobStateReason') })),
  };
}
