/** The one interface every image source (archive, layout, registry, directory) implements. */
import type { Readable } from 'node:stream';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** OCI / Docker image configuration (the parts Bulwark reads). */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  author?: string;
  config?: {
    User?: string;
    Env?: string[];
    Cmd?: string[];
    Entrypoint?: string[];
    ExposedPorts?: Record<string, unknown>;
    Volumes?: Record<string, unknown>;
    WorkingDir?: string;
    Labels?: Record<string, string>;
    Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number };
    StopSignal?: string;
    Shell?: string[];
    OnBuild?: string[];
  };
  rootfs?: { type: string; diff_ids: string[] };
  history?: HistoryEntry[];
}

export type Compression = 'gzip' | 'zstd' | 'none';

export interface LayerRef {
  /** 0-based position in the image */
  index: number;
  /** digest of the blob as stored (compressed), when the source knows it */
  digest?: string;
  /** digest of the uncompressed tar, from the config's rootfs.diff_ids */
  diffId: string;
  mediaType: string;
  /** size of the stored blob in bytes, when known */
  size?: number;
  /** the history entry's created_by that produced this layer */
  createdBy?: string;
  /** opens the stored blob (possibly compressed) as a stream */
  open(): Promise<Readable>;
  /** where the stored blob lies in a local file, for sources that have one (archives, layouts) */
  locate?(): Promise<FileRegion>;
}

/** A byte range of a local file: a layer blob inside an archive or a layout directory. */
export interface FileRegion {
  file: string;
  start: number;
  size: number;
}

export interface ImageSource {
  /** how the image was read: docker-archive, oci-archive, oci-layout, registry, rootfs */
  kind: 'docker-archive' | 'oci-archive' | 'oci-layout' | 'registry' | 'rootfs';
  /** what the user asked for */
  reference: string;
  /** registry-style name when known (docker.io/library/alpine:3.10) */
  name?: string;
  repoTags: string[];
  repoDigests: string[];
  manifestDigest?: string;
  configDigest?: string;
  config: ImageConfig;
  layers: LayerRef[];
  /** releases temp files and connections */
  close(): Promise<void>;
}
