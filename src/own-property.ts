/**
 * Writing names that come from requests, definitions or templates into plain objects: always as an own
 * property, so a name like `__proto__` is just a name and never reaches a prototype.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
