import fc from 'fast-check';

/** Byte-level changes a damaged or hostile file carries: flipped bits, changed lengths, cut or spliced bytes. */
export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number };

const at = fc.nat();
// Values that matter in DER headers: long-form length prefixes, tags, zero, 0xff.
const headerByte = fc.oneof(
  fc.constantFrom(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x17, 0x18, 0x1e, 0x30, 0x31),
  fc.constantFrom(0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x88, 0x8f, 0xa0, 0xa3, 0xff),
  fc.integer({ min: 0, max: 255 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at, value: headerByte }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function mutate(der: Uint8Array, changes: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(der);
  for (const change of changes) {
    const offset = bytes.length === 0 ? 0 : change.at % bytes.length;
    switch (change.kind) {
      case 'flip':
        if (bytes.length > 0) bytes[offset] = (bytes[offset] ?? 0) ^ (1 << change.bit);
        break;
      case 'set':
        if (bytes.length > 0) bytes[offset] = change.value;
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, offset), change.bytes, bytes.subarray(offset)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, offset), bytes.subarray(offset + change.length)]);
        break;
      case 'truncate':
        bytes = bytes.subarray(0, offset);
        break;
      case 'duplicate':
        bytes = Buffer.concat([
          bytes.subarray(0, offset),
          bytes.subarray(offset, offset + change.length),
          bytes.subarray(offset),
        ]);
        break;
    }
  }
  return bytes;
}
