/** IMG-013: a layer was created by ADD from a remote URL (history created_by). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckHit, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { shortCreatedBy } from './util.js';

// BuildKit records "ADD https://… /dst # buildkit"; the classic builder "/bin/sh -c #(nop) ADD https://… in /dst"
const ADD_URL = /(?:^|#\(nop\)\s*|\s)ADD\s+((?:--\S+\s+)*)(?:\S+\s+)*?((?:https?|ftp):\/\/\S+)/i;

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-013',
  slug: 'add-remote-url',
  target: 'image',
  title: 'ADD from a remote URL',
  severity: 'MEDIUM',
  rationale:
    'ADD <url> downloads content at build time with no integrity check: whoever controls the server or the path can change what goes into the image, and the download is not reproducible. Use COPY for local files and a verified download for remote ones.',
  remediation: 'Download with curl/wget in a RUN step and verify a pinned checksum or signature, or use `ADD --checksum=sha256:<digest> <url>` (BuildKit), which this check accepts.',
  references: { cis: '4.9', dockle: 'CIS-DI-0009', hadolint: 'DL3020' },
  examples: {
    bad: [{ description: 'ADD of a tarball from a URL', input: exampleImage([], {}, [{ createdBy: 'ADD https://example.com/tool.tar.gz /opt/ # buildkit', files: [{ path: 'opt/tool.tar.gz', content: 'x' }] }]) }],
    good: [
      { description: 'COPY of a local file', input: exampleImage([], {}, [{ createdBy: 'COPY app.jar /app/ # buildkit', files: [{ path: 'app/app.jar', content: 'x' }] }]) },
      {
        description: 'ADD with a pinned checksum',
        input: exampleImage([], {}, [{ createdBy: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/ # buildkit', files: [{ path: 'opt/tool.tar.gz', content: 'x' }] }]),
      },
    ],
  },
};

/** Reports each history entry whose ADD source is an http(s)/ftp URL without --checksum. */
export const img013AddRemoteUrl: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const out: CheckHit[] = [];
    let layer = 0;
    for (const h of input.history) {
      const here = h.empty_layer ? undefined : layer++;
      const m = ADD_URL.exec(h.created_by ?? '');
      if (!m || /--checksum=/.test(m[1] ?? '')) continue;
      out.push({
        message: `A layer was added from the remote URL ${m[2]} without a checksum.`,
        location: { layer: here, layerCreatedBy: shortCreatedBy(h.created_by) },
      });
    }
    return out;
  },
};
