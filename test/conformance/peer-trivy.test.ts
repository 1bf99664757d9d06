/**
 * Acceptance: for the real images in ../shared/images, Bulwark's package list matches the peer Trivy
 * build's CycloneDX (name, version, source name/version). The only accepted differences are listed
 * in EXPLAINED and documented in docs/peer-trivy.md.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SHARED_IMAGES, compareImage, peerTrivy } from '../../scripts/compare-trivy.js';
import { SHARED_SKIP } from '../helpers/fixtures.js';

/**
 * Bulwark lists language packages whose files an OS package owns (Debian's python3-* ship
 * dist-info/egg-info metadata), marked OS-managed; the peer drops them. See docs/peer-trivy.md.
 */
const explained = (p: { osManaged?: boolean }): boolean => p.osManaged === true;

const bin = existsSync(SHARED_IMAGES[0]!) ? peerTrivy() : undefined;
const skip = !existsSync(SHARED_IMAGES[0]!) ? SHARED_SKIP : !bin ? 'peer Trivy could not be installed (npm registry unreachable?)' : false;

describe('inventory matches the peer Trivy build', { skip }, () => {
  for (const image of SHARED_IMAGES) {
    it(image.split('/').pop()!, async () => {
      const c = await compareImage(bin!, image);
      assert.equal(c.bulwarkOs, c.peerOs);
      assert.deepEqual(c.onlyPeer, [], 'packages only the peer lists');
      const unexplained = c.onlyBulwark.filter((p) => !explained(p));
      assert.deepEqual(unexplained, [], 'packages only Bulwark lists');
    });
  }
});
