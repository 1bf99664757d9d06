/** Collects the small files that identify the operating system. Detection runs on the final filesystem. */
import type { LayerAnalyzer } from '../layer/types.js';

export const OS_FILES = new Set([
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/lsb-release',
  '/etc/alpine-release',
  '/etc/debian_version',
  '/etc/redhat-release',
  '/etc/centos-release',
  '/etc/rocky-release',
  '/etc/almalinux-release',
  '/etc/fedora-release',
  '/etc/system-release',
  '/etc/oracle-release',
  '/etc/SuSE-release',
  '/etc/photon-release',
  '/etc/mariner-release',
]);

export const osFilesAnalyzer: LayerAnalyzer = {
  name: 'os-files',
  version: 1,
  maxSize: 64 * 1024,
  wants: (path) => OS_FILES.has(path),
  analyze: (file) => file.content?.toString('utf8') ?? null,
};
