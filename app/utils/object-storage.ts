/** Where uploaded files live, as its callers see it; the backends are in app/services/storage.server.ts. */
export interface StoredObject {
  body: Buffer;
  contentType: string;
  size: number;
}

export interface ObjectStorage {
  /** Stores the bytes under the key, replacing what was there; atomic (readers see the old or the new bytes). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes every object whose key starts with the prefix (a "folder"); nothing there is not an error. */
  deletePrefix(prefix: string): Promise<void>;
  /** Every key below the prefix ("" for all), in no particular order. */
  list(prefix: string): AsyncIterable<string>;
  /** Where the objects are, for messages and logs (no credentials): "file:/srv/media", "s3://bucket/prefix". */
  readonly location: string;
}
