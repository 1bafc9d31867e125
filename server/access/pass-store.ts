/**
 * The relay's passes (shared/access): kept in `<data-dir>/access/passes.json`,
 * written atomically and fsynced before a create or a revoke is answered, so
 * they survive restarts. The file holds each pass with the SHA-256 of its
 * secret, never the secret: the token is told once, by `create`.
 *
 *   {"format":1,"passes":[{"id","boardId","role","label","createdAt","expiresAt","secretHash"}]}
 *
 * A token is `<passId>.<secret>` (shared/access PASS_TOKEN_PATTERN): the id
 * finds the pass, then the secret's hash is compared with timingSafeEqual.
 * The secret has 256 random bits, so a plain hash is enough (no salt or slow
 * hash: nothing about it can be guessed).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  type CreatedPass,
  type CreatePassRequest,
  MAX_PASSES_PER_BOARD,
  type Pass,
  PASS_TOKEN_PATTERN,
  passSchema,
} from '../../shared/access';
import type { Logger } from '../core/types';
import { JsonFile } from './json-file';

export const PASSES_FILE = 'passes.json';
/** Passes one relay holds at most, over all boards. */
export const MAX_PASSES = 10_000;

const storedPassSchema = passSchema.extend({ secretHash: z.string().regex(/^[0-9a-f]{64}$/) });
type StoredPass = z.infer<typeof storedPassSchema>;
const passesFileSchema = z.strictObject({ format: z.literal(1), passes: z.array(storedPassSchema).max(MAX_PASSES) });

/** A create refused for a reason the caller can act on (too many passes). */
export class PassLimitError extends Error {}

export type PassCheck = { ok: true; pass: Pass } | { ok: false; reason: 'unknown' | 'expired' | 'malformed' };

export class PassStore {
  private readonly passes = new Map<string, StoredPass>();

  private constructor(
    private readonly file: JsonFile<z.infer<typeof passesFileSchema>>,
    private readonly now: () => number,
  ) {}

  /** `dir` is `<data-dir>/access`, or null for passes kept in memory only. */
  static async open(dir: string | null, log: Logger, now: () => number = Date.now): Promise<PassStore> {
    const file = new JsonFile(dir, PASSES_FILE, passesFileSchema, log);
    const store = new PassStore(file, now);
    const { passes } = await file.read({ format: 1, passes: [] });
    for (const pass of passes) store.passes.set(pass.id, pass);
    return store;
  }

  /** The board's passes that still open it, oldest first. */
  list(boardId: string): Pass[] {
    return [...this.passes.values()].filter((pass) => pass.boardId === boardId && this.isLive(pass)).map(publicPass);
  }

  get(passId: string): Pass | undefined {
    const pass = this.passes.get(passId);
    return pass && this.isLive(pass) ? publicPass(pass) : undefined;
  }

  isValid(passId: string): boolean {
    const pass = this.passes.get(passId);
    return pass !== undefined && this.isLive(pass);
  }

  /** Makes a pass; resolves once it is on disk, with its token (the only time it is told). */
  async create(boardId: string, request: CreatePassRequest): Promise<CreatedPass> {
    if (this.list(boardId).length >= MAX_PASSES_PER_BOARD) {
      throw new PassLimitError(
        `board ${boardId} has ${MAX_PASSES_PER_BOARD} passes, the most it may; revoke one first`,
      );
    }
    this.dropExpiredInMemory();
    if (this.passes.size >= MAX_PASSES) {
      throw new PassLimitError(`this relay holds ${MAX_PASSES} passes, the most it may; revoke some first`);
    }
    const createdAt = this.now();
    const id = randomBytes(12).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const stored: StoredPass = {
      id,
      boardId,
      role: request.role,
      label: request.label ?? '',
      createdAt: new Date(createdAt).toISOString(),
      expiresAt:
        request.expiresInSeconds === undefined
          ? null
          : new Date(createdAt + request.expiresInSeconds * 1000).toISOString(),
      secretHash: hashSecret(secret),
    };
    this.passes.set(id, stored);
    try {
      await this.save();
    } catch (error) {
      // Not durable, so not made: a token that a restart would forget must not be handed out.
      this.passes.delete(id);
      throw error;
    }
    return { ...publicPass(stored), token: `${id}.${secret}` };
  }

  /**
   * Revokes a pass: it opens nothing from this call on, even if saving
   * fails (then the error says so, and a restart would bring it back).
   * Undefined when there was no such pass.
   */
  async revoke(passId: string): Promise<Pass | undefined> {
    const pass = this.passes.get(passId);
    if (!pass) return undefined;
    this.passes.delete(passId);
    await this.save();
    return publicPass(pass);
  }

  /** Revokes every pass (the desktop app when sharing ends); returns them. */
  async revokeAll(): Promise<Pass[]> {
    const all = [...this.passes.values()].map(publicPass);
    if (all.length === 0) return all;
    this.passes.clear();
    await this.save();
    return all;
  }

  /** Checks a handshake token: which pass it is, if it is one that still opens its board. */
  check(token: string): PassCheck {
    const match = PASS_TOKEN_PATTERN.exec(token);
    if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' };
    const pass = this.passes.get(match[1]);
    const given = Buffer.from(hashSecret(match[2]), 'hex');
    // Compared even for an unknown id, so the time taken says nothing about which ids exist.
    const expected = Buffer.from(pass?.secretHash ?? '0'.repeat(64), 'hex');
    const same = timingSafeEqual(given, expected);
    if (!pass || !same) return { ok: false, reason: 'unknown' };
    if (!this.isLive(pass)) return { ok: false, reason: 'expired' };
    return { ok: true, pass: publicPass(pass) };
  }

  /** When the next pass expires (ms since the epoch), or null when none will. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const pass of this.passes.values()) {
      if (pass.expiresAt === null) continue;
      const at = Date.parse(pass.expiresAt);
      if (at > this.now() && (next === null || at < next)) next = at;
    }
    return next;
  }

  /** Removes expired passes from memory and disk; returns them. */
  async dropExpired(): Promise<Pass[]> {
    const dropped = this.dropExpiredInMemory();
    if (dropped.length > 0) await this.save();
    return dropped;
  }

  async flushed(): Promise<void> {
    await this.file.flushed();
  }

  private dropExpiredInMemory(): Pass[] {
    const dropped = [...this.passes.values()].filter((pass) => !this.isLive(pass));
    for (const pass of dropped) this.passes.delete(pass.id);
    return dropped.map(publicPass);
  }

  private isLive(pass: StoredPass): boolean {
    return pass.expiresAt === null || Date.parse(pass.expiresAt) > this.now();
  }

  private save(): Promise<void> {
    return this.file.save({ format: 1, passes: [...this.passes.values()] });
  }
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function publicPass({ secretHash: _secretHash, ...pass }: StoredPass): Pass {
  return pass;
}
