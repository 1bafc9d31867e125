/** The part of fs-native-extensions (it ships no types) that data-dir-lock.ts uses. */
declare module 'fs-native-extensions' {
  /**
   * Tries to lock `length` bytes from `offset` of the open file `fd` (0 = to the end), exclusively unless
   * `shared`. Returns false when another open file holds a conflicting lock; throws other errors.
   */
  export function tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
}
