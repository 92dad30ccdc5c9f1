/**
 * JSON text in pieces, for output too large to hold as one string (V8 strings stop at ~512 MB:
 * «Invalid string length»). The text is exactly `JSON.stringify(value, null, indent)`, made
 * without recursion, so neither size nor depth can stop it. Pieces are small; join them into
 * larger writes (see {@link writeChunked}).
 */
export function* jsonPieces(value: unknown, indent = 2): Generator<string> {
  const pad = (depth: number) => (indent > 0 ? '\n' + ' '.repeat(indent * depth) : '');
  const colon = indent > 0 ? ': ' : ':';
  /** A container being written: its entries and how far we are. */
  type Frame = { close: string; items: [string | null, unknown][]; i: number; depth: number };
  const stack: Frame[] = [];

  /** The text of a primitive, or null when `v` is a container to open (or `undefined` when skipped). */
  const primitive = (v: unknown, inArray: boolean): string | null | undefined => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? String(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'object':
        return null;
      default:
        return inArray ? 'null' : undefined; // undefined, functions, symbols
    }
  };
  const open = (v: object, depth: number): string => {
    if (Array.isArray(v)) {
      stack.push({ close: ']', items: v.map((x) => [null, x]), i: 0, depth });
      return '[';
    }
    const items: [string, unknown][] = [];
    for (const [k, x] of Object.entries(v)) if (primitive(x, false) !== undefined) items.push([k, x]);
    stack.push({ close: '}', items, i: 0, depth });
    return '{';
  };

  const top = primitive(value, false);
  if (top === undefined) return;
  if (top !== null) {
    yield top;
    return;
  }
  yield open(value as object, 0);
  while (stack.length) {
    const f = stack[stack.length - 1] as Frame;
    if (f.i >= f.items.length) {
      stack.pop();
      yield (f.items.length ? pad(f.depth) : '') + f.close;
      continue;
    }
    const [key, v] = f.items[f.i] as [string | null, unknown];
    const lead = (f.i > 0 ? ',' : '') + pad(f.depth + 1) + (key === null ? '' : JSON.stringify(key) + colon);
    f.i++;
    const p = primitive(v, key === null);
    if (p === null && key === null && f.depth < 2) {
      // An element of an array near the top (a feature, a skipped object) in one go when
      // JSON.stringify can (the same text, re-indented to its depth); one too deep or too large
      // for it is streamed. Only near the top, so nesting cannot make the attempts add up.
      const text = stringified(v, indent);
      if (text !== undefined) {
        yield lead + (indent > 0 ? text.replaceAll('\n', pad(f.depth + 1)) : text);
        continue;
      }
    }
    if (p === null) yield lead + open((typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON: () => object }).toJSON() : v) as object, f.depth + 1);
    else yield lead + (p as string);
  }
}

/** JSON.stringify(v, null, indent), or undefined when it cannot (too deep or too large for it) or gives nothing. */
function stringified(v: unknown, indent: number): string | undefined {
  try {
    return JSON.stringify(v, null, indent);
  } catch {
    return undefined;
  }
}

/**
 * The text of {@link jsonPieces}, but in one piece from JSON.stringify (native, several times
 * faster) when `small` says the value is small enough to be one string; when JSON.stringify cannot
 * (a value too deep for it), in pieces as before. The same text either way.
 */
export function* jsonText(value: unknown, indent: number, small: boolean): Generator<string> {
  const text = small ? stringified(value, indent) : undefined;
  if (text !== undefined) yield text;
  else yield* jsonPieces(value, indent);
}

/**
 * Writes pieces of text in writes of about `size` characters, waiting whenever the sink asks
 * (its `write` returns false: wait for `drain`), so memory stays bounded whatever the total.
 */
export async function writeChunked(pieces: Iterable<string>, sink: { write: (s: string) => boolean; once: (event: 'drain', f: () => void) => unknown }, size = 1 << 20): Promise<void> {
  let buf: string[] = [];
  let len = 0;
  const flush = async () => {
    if (!len) return;
    const ok = sink.write(buf.join(''));
    buf = [];
    len = 0;
    if (!ok) await new Promise<void>((r) => sink.once('drain', r));
  };
  for (const p of pieces) {
    buf.push(p);
    len += p.length;
    if (len >= size) await flush();
  }
  await flush();
}
