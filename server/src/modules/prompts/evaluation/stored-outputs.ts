/**
 * A run is stored as one document, under the database's 16 MiB: the model's answers of all its cases, both sides,
 * must fit. An analyst reads them; the checks ran on the whole answers before they are shortened. A run of 80 cases
 * answered 250 KB each answered 500 after every model call was paid for, and nothing was kept (an API probe).
 */
export const STORED_OUTPUTS_MAX_BYTES = 8 * 1024 * 1024;

/** An output as it is written in the stored JSON, in UTF-8 bytes. */
const storedBytes = (output: string) => Buffer.byteLength(JSON.stringify(output));

/**
 * The longest each output may be, in stored bytes, for all of them to fit in `budget`: the short ones stay whole
 * and the long ones are cut to one common length (water-filling). `Infinity` when they fit as they are.
 */
export function outputCap(sizes: readonly number[], budget = STORED_OUTPUTS_MAX_BYTES): number {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= budget) return Infinity;
  const sorted = [...sizes].sort((a, b) => a - b);
  let left = budget;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    if (sorted[i]! > share) return share;
    left -= sorted[i]!;
  }
  return Infinity;
}

/** `output` cut to about `cap` stored bytes, never inside a surrogate pair. */
export function shortened(output: string, size: number, cap: number): string {
  let end = Math.max(0, Math.floor((output.length * cap) / size));
  const last = output.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return output.slice(0, end);
}

/**
 * Shortens the outputs of a run's sides so that they fit the stored run; a shortened side keeps its full length in
 * characters as `outputLength`, which the console shows beside it.
 */
export function fitOutputs<S extends { output?: string; outputLength?: number }>(sides: readonly S[]): void {
  const withOutput = sides.filter((side) => side.output !== undefined);
  const sizes = withOutput.map((side) => storedBytes(side.output!));
  const cap = outputCap(sizes);
  if (cap === Infinity) return;
  withOutput.forEach((side, i) => {
    if (sizes[i]! <= cap) return;
    side.outputLength = side.output!.length;
    side.output = shortened(side.output!, sizes[i]!, cap);
  });
}
