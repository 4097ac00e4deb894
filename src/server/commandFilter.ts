/** Bits per key and hashes per key: about 0.05 % false positives in each layer, so well under 1 % in all. */
const BITS_PER_KEY = 16;
const HASHES = 11;
const FIRST_CAPACITY = 1024;

interface Layer {
  bits: Uint32Array;
  size: number;
  capacity: number;
  count: number;
}

/**
 * Which commands a workshop's log may hold, in about 2 bytes a command (a Bloom filter that
 * grows by adding layers twice as large): "no" is certain, "maybe" must be asked of the store.
 * Nearly every command a client sends is new, so group commit asks this first and only retries
 * and the odd false positive reach the store's lookup (which cost a tenth of the server's time
 * under load: SQLite re-reads the index pages the writer thread has just changed).
 */
export class CommandFilter {
  private readonly layers: Layer[] = [];

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.add(key);
  }

  add(key: string): void {
    let layer = this.layers.at(-1);
    if (!layer || layer.count >= layer.capacity) {
      const capacity = layer ? layer.capacity * 2 : FIRST_CAPACITY;
      const size = capacity * BITS_PER_KEY;
      layer = { bits: new Uint32Array(Math.ceil(size / 32)), size, capacity, count: 0 };
      this.layers.push(layer);
    }
    const [first, step] = hashes(key);
    for (let at = 0; at < HASHES; at++) {
      const bit = (first + at * step) % layer.size;
      layer.bits[bit >>> 5] = (layer.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
    layer.count += 1;
  }

  /** False only if `key` was never added. */
  mightHold(key: string): boolean {
    const [first, step] = hashes(key);
    return this.layers.some((layer) => {
      for (let at = 0; at < HASHES; at++) {
        const bit = (first + at * step) % layer.size;
        if (((layer.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
      }
      return true;
    });
  }
}

/** Two independent 32-bit FNV-1a hashes of the key's UTF-16 units; the second is odd, so steps never repeat early. */
function hashes(key: string): [number, number] {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let at = 0; at < key.length; at++) {
    const unit = key.charCodeAt(at);
    first = Math.imul(first ^ unit, 0x01000193);
    second = Math.imul(second ^ unit, 0x5bd1e995);
  }
  return [first >>> 0, (second | 1) >>> 0];
}
