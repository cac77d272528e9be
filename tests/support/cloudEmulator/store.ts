/**
 * Committed data, versioned: every committed write is stamped with the next sequence number and
 * old versions are kept while an open transaction's snapshot may still read them. A snapshot is
 * "the newest version at or before sequence S".
 */
import { errors } from './errors';
import { cloneValue, type Doc } from './values';

interface Version {
  seq: number;
  doc: Doc | null;
}

export interface Write {
  collection: string;
  id: string;
  doc: Doc | null;
}

export class Store {
  private seq = 0;
  private readonly data = new Map<string, Map<string, Version[]>>();
  /** Documents with old versions or a deletion to forget, so pruning never walks everything. */
  private readonly prunable = new Map<string, Set<string>>();

  get currentSeq(): number {
    return this.seq;
  }

  hasCollection(name: string): boolean {
    return this.data.has(name);
  }

  collectionNames(): string[] {
    return [...this.data.keys()];
  }

  createCollection(name: string): void {
    if (this.data.has(name)) throw errors.collectionExists();
    this.data.set(name, new Map());
  }

  requireCollection(name: string): Map<string, Version[]> {
    const collection = this.data.get(name);
    if (!collection) throw errors.collectionMissing();
    return collection;
  }

  private static at(versions: Version[] | undefined, seq: number): Doc | null {
    if (!versions) return null;
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= seq) return versions[i].doc;
    return null;
  }

  /** The stored object itself: callers copy before they change or hand it out. */
  read(collection: string, id: string, seq = this.seq): Doc | null {
    return Store.at(this.requireCollection(collection).get(id), seq);
  }

  /** Documents in natural (insertion) order as of `seq`. */
  *scan(collection: string, seq = this.seq): Generator<Doc> {
    for (const versions of this.requireCollection(collection).values()) {
      const doc = Store.at(versions, seq);
      if (doc) yield doc;
    }
  }

  /** The sequence of the last committed write to a document (0: never written). */
  lastWrite(collection: string, id: string): number {
    const versions = this.requireCollection(collection).get(id);
    return versions ? versions[versions.length - 1].seq : 0;
  }

  commit(writes: Iterable<Write>): number {
    const seq = ++this.seq;
    for (const { collection, id, doc } of writes) {
      const docs = this.requireCollection(collection);
      const versions = docs.get(id) ?? [];
      versions.push({ seq, doc: doc && cloneValue(doc) });
      docs.set(id, versions);
      if (versions.length > 1 || doc === null) {
        const ids = this.prunable.get(collection) ?? new Set<string>();
        this.prunable.set(collection, ids.add(id));
      }
    }
    return seq;
  }

  /** Forgets versions no snapshot at or after `oldest` can read. */
  prune(oldest: number): void {
    for (const [collection, ids] of this.prunable) {
      const docs = this.data.get(collection);
      for (const id of ids) {
        const versions = docs?.get(id);
        if (!docs || !versions) {
          ids.delete(id);
          continue;
        }
        let keepFrom = 0;
        for (let i = 0; i < versions.length; i++) if (versions[i].seq <= oldest) keepFrom = i;
        if (keepFrom > 0) versions.splice(0, keepFrom);
        if (versions.length === 1 && versions[0].doc === null && versions[0].seq <= oldest) docs.delete(id);
        if (versions.length === 1 && versions[0].doc !== null) ids.delete(id);
        else if (!docs.has(id)) ids.delete(id);
      }
    }
  }
}
