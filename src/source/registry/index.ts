/** Remote registries through the OCI distribution API. (Placeholder until the registry client lands.) */
import { BulwarkError } from '../../shared/errors.js';
import type { ImageSource, Platform } from '../types.js';

export interface RegistryOptions {
  platform?: Platform;
  /** allow plain HTTP (for loopback registries) */
  plainHttp?: boolean;
  insecureSkipVerify?: boolean;
  username?: string;
  password?: string;
  /** path of docker config.json; default ~/.docker/config.json or $DOCKER_CONFIG/config.json */
  dockerConfig?: string;
  tmpDir: string;
}

export async function openRegistryImage(reference: string, _opts: RegistryOptions): Promise<ImageSource> {
  throw new BulwarkError('REGISTRY_ERROR', `registry access is not available yet (${reference})`);
}
