import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

// What a cached version keeps packed until it is needed (its condition trees, explanations, computed facts'
// source): `v8.serialize`, so what comes back is what was given (undefined, NaN and -0 included), then raw
// deflate. docs/adr/0013.

/** The value serialized and deflated, copied out of zlib's 16 KB output chunk, which would otherwise stay attached. */
export function pack(value: unknown): Uint8Array {
  return new Uint8Array(deflateRawSync(serialize(value)));
}

/** What `pack` was given. */
export function unpack<T>(packed: Uint8Array): T {
  return deserialize(inflateRawSync(packed)) as T;
}
