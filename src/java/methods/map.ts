/**
 * The allow-listed `java.util.Map` methods. `keySet()`, `values()` and `entrySet()` return live views.
 */
import { JavaException } from '../exceptions.js';
import { javaEquals } from '../equality.js';
import { toJavaString } from '../print.js';
import { javaHashCode } from '../hash-code.js';
import { BYTES_PER_ENTRY, type Meter } from '../meter.js';
import { JavaMap, MapView, NO_METHOD, type NoMethod, type Value } from '../values.js';
import { mapArg, requireNonNull } from './arguments.js';

function requireWritable(map: JavaMap): void {
  if (map.readOnly) throw new JavaException('java.lang.UnsupportedOperationException', '');
}

/** `put` of a key the map may not have yet: one more entry. */
function put(map: JavaMap, key: Value, value: Value, meter: Meter): Value {
  meter.charge(1);
  if (!map.has(key)) meter.alloc(BYTES_PER_ENTRY);
  return map.set(key, value);
}

export function invokeMap(map: JavaMap, name: string, args: Value[], meter: Meter): Value | NoMethod {
  const [a, b] = args;
  switch (args.length) {
    case 0:
      switch (name) {
        case 'size':
          return map.size;
        case 'isEmpty':
          return map.size === 0;
        case 'keySet':
          return new MapView(map, 'keys');
        case 'values':
          return new MapView(map, 'values');
        case 'entrySet':
          return new MapView(map, 'entries');
        case 'toString':
          return toJavaString(map, meter);
        case 'hashCode':
          return javaHashCode(map, meter);
        case 'clear':
          requireWritable(map);
          map.clear();
          return null;
      }
      return NO_METHOD;
    case 1:
      switch (name) {
        case 'get':
          return map.get(a!) ?? null;
        case 'containsKey':
          return map.has(a!);
        case 'containsValue':
          meter.elements(map.size);
          return map.values().some((v) => javaEquals(v, a!, meter));
        case 'remove':
          requireWritable(map);
          return map.delete(a!);
        case 'putAll': {
          const other = mapArg(a);
          if (other === undefined) return NO_METHOD;
          requireWritable(map);
          for (const e of requireNonNull(other).entries()) put(map, e.key, e.value, meter);
          return null;
        }
        case 'equals':
          return javaEquals(map, a!, meter);
      }
      return NO_METHOD;
    case 2:
      switch (name) {
        case 'put':
          requireWritable(map);
          return put(map, a!, b!, meter);
        case 'getOrDefault':
          return map.has(a!) ? (map.get(a!) ?? null) : b!;
        case 'putIfAbsent': {
          requireWritable(map);
          const current = map.get(a!);
          if (current === undefined || current === null) {
            put(map, a!, b!, meter);
            return null;
          }
          return current;
        }
        case 'remove': {
          requireWritable(map);
          if (map.has(a!) && javaEquals(map.get(a!) ?? null, b!, meter)) {
            map.delete(a!);
            return true;
          }
          return false;
        }
        case 'replace':
          requireWritable(map);
          return map.has(a!) ? map.set(a!, b!) : null;
      }
      return NO_METHOD;
  }
  return NO_METHOD;
}
