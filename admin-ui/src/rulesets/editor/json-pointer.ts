/** A place in a JSON document as its path segments (JSON Pointer without the escaping). */
export type Pointer = (string | number)[];

export function toPointerText(path: Pointer): string {
  return path.length ? `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
}

export function getAt(doc: unknown, path: Pointer): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined,
    doc,
  );
}

/** A copy of doc with the value at path replaced; the parents along the path are copied, the rest is shared. */
export function setAt<T>(doc: T, path: Pointer, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const parent = (doc ?? (typeof head === 'number' ? [] : {})) as Record<string, unknown> | unknown[];
  const child = setAt((parent as Record<string, unknown>)[head as string], rest, value);
  if (Array.isArray(parent)) {
    const copy = [...parent];
    copy[head as number] = child;
    return copy as T;
  }
  return { ...parent, [head as string]: child } as T;
}

/** A copy of doc with the array element or object key at path removed. */
export function removeAt<T>(doc: T, path: Pointer): T {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = getAt(doc, parentPath);
  if (Array.isArray(parent))
    return setAt(
      doc,
      parentPath,
      parent.filter((_, i) => i !== key),
    );
  const { [key as string]: _removed, ...kept } = parent as Record<string, unknown>;
  return setAt(doc, parentPath, kept);
}

/** A copy of doc with the array element at path moved by `by` places (clamped to the array). */
export function moveAt<T>(doc: T, path: Pointer, by: number): T {
  const parentPath = path.slice(0, -1);
  const from = path[path.length - 1] as number;
  const list = [...(getAt(doc, parentPath) as unknown[])];
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return setAt(doc, parentPath, list);
}
