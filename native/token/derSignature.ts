/**
 * CKM_ECDSA returns the raw r || s (each the size of the curve order); CMS (RFC 5753) wants
 * ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } in DER.
 */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error(`ECDSA signature of odd length ${raw.length}`);
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array): number[] => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = Array.from(bytes.subarray(start));
    // A leading 1 bit would make the INTEGER negative: prefix a zero byte.
    if (trimmed[0]! & 0x80) trimmed.unshift(0);
    return [0x02, ...derLength(trimmed.length), ...trimmed];
  };
  const body = [...integer(raw.subarray(0, half)), ...integer(raw.subarray(half))];
  return Uint8Array.from([0x30, ...derLength(body.length), ...body]);
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  return [0x82, length >> 8, length & 0xff];
}
