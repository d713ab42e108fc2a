// Typed arrays as compact base64 text, so an index snapshot is plain JSON and loads without rebuilding.

export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function base64ToBytes(text: string): Uint8Array {
  const buf = Buffer.from(text, 'base64');
  // Copy into a fresh buffer: pooled Buffers may be shared and misaligned for wider views.
  const out = new Uint8Array(buf.length);
  out.set(buf);
  return out;
}

export function int32ToBase64(arr: Int32Array): string {
  return bytesToBase64(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
}

export function base64ToInt32(text: string): Int32Array {
  const bytes = base64ToBytes(text);
  if (bytes.byteLength % 4 !== 0) throw new Error('int32 column has a length not divisible by 4');
  return new Int32Array(bytes.buffer, 0, bytes.byteLength / 4);
}

/** Ascending ids restarting at every list boundary, stored as varint gaps (1–2 bytes each, mostly). */
export function encodeSortedLists(offsets: Int32Array, values: Int32Array): string {
  const out = new Uint8Array(values.length * 5);
  let at = 0;
  for (let t = 0; t + 1 < offsets.length; t++) {
    let prev = 0;
    for (let i = offsets[t]; i < offsets[t + 1]; i++) {
      let gap = values[i] - prev;
      prev = values[i];
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      out[at++] = gap;
    }
  }
  return bytesToBase64(out.subarray(0, at));
}

export function decodeSortedLists(offsets: Int32Array, text: string): Int32Array {
  const bytes = base64ToBytes(text);
  const total = offsets[offsets.length - 1];
  const values = new Int32Array(total);
  let at = 0;
  for (let t = 0; t + 1 < offsets.length; t++) {
    let prev = 0;
    for (let i = offsets[t]; i < offsets[t + 1]; i++) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do {
        if (at >= bytes.length) throw new Error('truncated id list');
        b = bytes[at++];
        gap |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      prev += gap;
      values[i] = prev;
    }
  }
  return values;
}
