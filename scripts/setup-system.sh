#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, only when missing:
#   docker-registry  a real OCI registry on loopback for registry tests
#   zstd             to write zstd-compressed test layers (Bulwark itself decompresses in-process)
#   skopeo           to push images to the loopback registry in cross-checks
#   apache2-utils    htpasswd (bcrypt) for the auth-protected test registry
#   openssl          self-signed certificates for the TLS test registry
#   postgresql       initdb/pg_ctl for the throwaway clusters of the server store tests
#   chromium         headless browser (driven by playwright-core) for the dashboard tests
set -euo pipefail
need=()
for p in docker-registry zstd skopeo apache2-utils openssl postgresql chromium; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-system: missing Debian packages: ${need[*]} (run as root, or install them)" >&2
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # the package starts a system registry on :5000; tests start their own
  systemctl stop docker-registry 2>/dev/null || true
fi
