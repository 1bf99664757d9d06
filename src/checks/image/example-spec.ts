/** Builds the small ImageSpecs used as good/bad examples (they are rendered into the docs pages). */
import type { FileSpec, ImageSpec, LayerSpec } from '../../image/writer.js';
import type { ImageConfig } from '../../source/types.js';

/** A one-layer image with an Alpine os-release plus `files`; config defaults to a non-root user with a healthcheck. */
export function exampleImage(files: FileSpec[], config: ImageConfig['config'] = {}, more: LayerSpec[] = []): ImageSpec {
  return {
    layers: [
      {
        createdBy: 'ADD rootfs.tar /',
        files: [{ path: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.22.1\n' }, { path: 'etc/alpine-release', content: '3.22.1\n' }, ...files],
      },
      ...more,
    ],
    config: { User: '1000', Healthcheck: { Test: ['CMD', '/app/healthcheck'] }, ...config },
  };
}

/**
 * An example with the reference it is scanned under: `registry: true` makes the examples test present it
 * to the checks as pulled from a registry under `reference`; `repoTag` is written into a docker archive.
 */
export interface ImageExample extends ImageSpec {
  reference?: string;
  registry?: boolean;
  repoTag?: string;
}
