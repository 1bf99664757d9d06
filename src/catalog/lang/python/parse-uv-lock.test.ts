import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUvLock } from './parse-uv-lock.js';

// Shape of a uv 0.5 lock for a project with a dev dependency group and an extra
const UV_LOCK = `version = 1
requires-python = ">=3.11"

[[package]]
name = "anyio"
version = "4.4.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "idna" },
    { name = "sniffio" },
]
sdist = { url = "https://files.pythonhosted.org/packages/anyio-4.4.0.tar.gz", hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000", size = 163930 }

[[package]]
name = "idna"
version = "3.7"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "iniconfig"
version = "2.0.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "myapp"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "anyio" },
]

[package.optional-dependencies]
socks = [
    { name = "pysocks" },
]

[package.dev-dependencies]
dev = [
    { name = "pytest" },
    { name = "idna" },
]

[[package]]
name = "pysocks"
version = "1.7.1"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pytest"
version = "8.2.2"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "iniconfig" },
]

[[package]]
name = "sniffio"
version = "1.3.1"
source = { git = "https://github.com/python-trio/sniffio?rev=v1.3.1#0123456789abcdef0123456789abcdef01234567" }

[[package]]
name = "tool"
version = "0.2.0"
source = { virtual = "packages/tool" }
`;

describe('parseUvLock', () => {
  it('skips editable/virtual projects and marks packages only dev groups reach', () => {
    const pkgs = parseUvLock(UV_LOCK);
    assert.deepEqual(pkgs.map((p) => [p.name, p.version, p.metadata!.scope]), [
      ['anyio', '4.4.0', undefined],
      ['idna', '3.7', undefined], // also a runtime dependency through anyio
      ['iniconfig', '2.0.0', 'dev'],
      ['pysocks', '1.7.1', undefined], // extras are runtime
      ['pytest', '8.2.2', 'dev'],
      ['sniffio', '1.3.1', undefined],
    ]);
    assert.deepEqual(pkgs[0]!.metadata!.source, { registry: 'https://pypi.org/simple' });
    assert.equal(pkgs[5]!.purl, 'pkg:pypi/sniffio@1.3.1');
  });

  it('picks the right version when a dependency names one of several', () => {
    const text = `version = 1
[[package]]
name = "app"
version = "1.0"
source = { virtual = "." }
dependencies = [{ name = "numpy", version = "2.0.0", source = { registry = "https://pypi.org/simple" } }]
[package.dev-dependencies]
test = [{ name = "numpy", version = "1.26.4", source = { registry = "https://pypi.org/simple" } }]
[[package]]
name = "numpy"
version = "1.26.4"
source = { registry = "https://pypi.org/simple" }
[[package]]
name = "numpy"
version = "2.0.0"
source = { registry = "https://pypi.org/simple" }
`;
    assert.deepEqual(parseUvLock(text).map((p) => [p.version, p.metadata!.scope]), [['1.26.4', 'dev'], ['2.0.0', undefined]]);
  });

  it('terminates on dependency cycles', () => {
    const text = `[[package]]
name = "a"
version = "1"
source = { editable = "." }
dependencies = [{ name = "b" }]
[[package]]
name = "b"
version = "1"
source = { registry = "x" }
dependencies = [{ name = "a" }, { name = "b" }]
`;
    assert.deepEqual(parseUvLock(text).map((p) => p.name), ['b']);
  });

  it('expands each name once, so thousands of same-named packages stay linear', () => {
    const entry = '[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "x" }\ndependencies = [{ name = "a" }, { name = "a", version = "1" }]\n';
    const text = '[[package]]\nname = "r"\nversion = "1"\nsource = { virtual = "." }\ndependencies = [{ name = "a" }]\n' + entry.repeat(20_000);
    const start = Date.now();
    assert.equal(parseUvLock(text).length, 20_000);
    assert.ok(Date.now() - start < 3000, `took ${Date.now() - start} ms`);
  });

  it('throws a short error on invalid TOML', () => {
    assert.throws(() => parseUvLock('[[package]\nname = '), (e: Error) => e.message.startsWith('invalid uv.lock') && !e.message.includes('\n'));
  });
});
