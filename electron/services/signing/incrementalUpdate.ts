import { type PDFDocument, type PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/**
 * Writes an incremental update section (PDF 32000-1 §7.5.6): new and changed objects appended after
 * the original bytes, then an xref table and a trailer with /Prev. Hand-written because pdf-lib only
 * saves whole documents — a full rewrite would renumber and re-serialise every object and so break
 * every earlier signature's ByteRange. The original bytes are never touched.
 */

const encoder = new TextEncoder();

export function lastStartXref(pdf: Uint8Array): number {
  const tail = new TextDecoder('latin1').decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all.at(-1);
  if (!last) throw new Error('no startxref at the end of the file');
  return Number(last[1]);
}

/**
 * /Size of the last cross-reference section (table trailer or xref stream dictionary). pdf-lib does
 * not count object-stream and xref-stream objects in largestObjectNumber, so new objects must be
 * numbered from here or they would collide with those.
 */
export function trailerSize(pdf: Uint8Array): number {
  const at = lastStartXref(pdf);
  const section = new TextDecoder('latin1').decode(pdf.subarray(at, Math.min(pdf.length, at + 65536)));
  const match = /\/Size\s+(\d+)/.exec(section);
  return match ? Number(match[1]) : 0;
}

/** Fingerprints of every non-stream object, to find which ones a change touched. Streams are never edited here. */
export function snapshotObjects(doc: PDFDocument): Map<string, string> {
  const snapshot = new Map<string, string>();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) snapshot.set(ref.tag, object.toString());
  }
  return snapshot;
}

function objectBytes(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

export interface RawObject {
  ref: PDFRef;
  /** The object's body, already serialised (e.g. the signature dictionary with its placeholders). */
  body: Uint8Array;
}

export interface UpdateSection {
  bytes: Uint8Array;
  /** Offsets (within `bytes`) of each raw object's body. */
  rawOffsets: Map<string, number>;
}

/**
 * The update section for `doc` (loaded from `original`): objects numbered above `originalLargest`,
 * objects whose serialisation differs from `before`, and the `raw` objects written as given.
 */
export function buildUpdateSection(original: Uint8Array, doc: PDFDocument, before: Map<string, string>, originalLargest: number, raw: RawObject[]): UpdateSection {
  const rawTags = new Set(raw.map((r) => r.ref.tag));
  const objects: { ref: PDFRef; body: Uint8Array; raw: boolean }[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (rawTags.has(ref.tag)) continue;
    const isNew = ref.objectNumber > originalLargest;
    const changed = !isNew && !(object instanceof PDFStream) && before.get(ref.tag) !== object.toString();
    if (isNew || changed) objects.push({ ref, body: objectBytes(object), raw: false });
  }
  for (const r of raw) objects.push({ ref: r.ref, body: r.body, raw: true });
  objects.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);

  const chunks: Uint8Array[] = [];
  // The section starts on its own line even when the original lacks a final newline.
  let offset = original.length;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  if (original[original.length - 1] !== 0x0a) push(encoder.encode('\n'));
  const entries: { num: number; gen: number; offset: number }[] = [];
  const rawOffsets = new Map<string, number>();
  for (const o of objects) {
    entries.push({ num: o.ref.objectNumber, gen: o.ref.generationNumber, offset });
    const head = encoder.encode(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`);
    push(head);
    if (o.raw) rawOffsets.set(o.ref.tag, offset - original.length);
    push(o.body);
    push(encoder.encode('\nendobj\n'));
  }

  const xrefOffset = offset;
  // Subsections of consecutive object numbers; each entry exactly 20 bytes.
  let xref = 'xref\n';
  for (let i = 0; i < entries.length; ) {
    let j = i;
    while (j + 1 < entries.length && entries[j + 1]!.num === entries[j]!.num + 1) j++;
    xref += `${entries[i]!.num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(entries[k]!.offset).padStart(10, '0')} ${String(entries[k]!.gen).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  const info = doc.context.trailerInfo;
  const size = Math.max(doc.context.largestObjectNumber, ...entries.map((e) => e.num)) + 1;
  if (!info.Root) throw new Error("the PDF has no /Root");
  const trailer = [`/Size ${size}`, `/Root ${info.Root.toString()}`, `/Prev ${lastStartXref(original)}`];
  if (info.Info) trailer.push(`/Info ${info.Info.toString()}`);
  if (info.ID) trailer.push(`/ID ${info.ID.toString()}`);
  push(encoder.encode(`${xref}trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xrefOffset}\n%%EOF\n`));

  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, rawOffsets };
}
