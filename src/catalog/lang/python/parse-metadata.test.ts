import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metadataLicenses, parseMetadataHeaders, parsePythonMetadata } from './parse-metadata.js';

// Header block of /usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO in Debian 12's python3-requests
const DEBIAN_REQUESTS = `Metadata-Version: 2.1
Name: requests
Version: 2.28.1
Summary: Python HTTP for Humans.
Home-page: https://requests.readthedocs.io
Author: Kenneth Reitz
Author-email: me@kennethreitz.org
License: Apache 2.0
Project-URL: Source, https://github.com/psf/requests
Classifier: Development Status :: 5 - Production/Stable
Classifier: License :: OSI Approved :: Apache Software License
Requires-Python: >=3.7, <4
Description-Content-Type: text/markdown
License-File: LICENSE

# Requests

License: this line is in the description body and must be ignored
`;

const WHEEL_METADATA = `Metadata-Version: 2.4\r
Name: PyYAML\r
Version: 6.0.2\r
License-Expression: MIT\r
License: MIT License\r
Classifier: License :: OSI Approved :: MIT License\r
\r
body\r
`;

describe('parsePythonMetadata', () => {
  it('reads a Debian egg-info PKG-INFO', () => {
    const [pkg] = parsePythonMetadata(DEBIAN_REQUESTS);
    assert.equal(pkg!.name, 'requests');
    assert.equal(pkg!.version, '2.28.1');
    assert.equal(pkg!.purl, 'pkg:pypi/requests@2.28.1');
    assert.deepEqual(pkg!.licenses, ['Apache 2.0']);
    assert.equal(pkg!.metadata!.author, 'Kenneth Reitz');
    assert.deepEqual(pkg!.metadata!.licenseFiles, ['LICENSE']);
  });

  it('keeps the original name and normalises the purl (PEP 503); CRLF and License-Expression', () => {
    const [pkg] = parsePythonMetadata(WHEEL_METADATA);
    assert.equal(pkg!.name, 'PyYAML');
    assert.equal(pkg!.purl, 'pkg:pypi/pyyaml@6.0.2');
    assert.equal(pkg!.metadata!.normalizedName, 'pyyaml');
    assert.deepEqual(pkg!.licenses, ['MIT']);
  });

  const errors: [string, string][] = [
    ['no name', 'Metadata-Version: 2.1\nVersion: 1.0\n'],
    ['no version', 'Name: foo\n'],
    ['bad name', 'Name: ../../etc\nVersion: 1.0\n'],
    ['bad version', 'Name: foo\nVersion: 1.0 beta\n'],
    ['binary', '\u0000\u0001\u0002ELF'],
    ['empty', ''],
  ];
  for (const [label, text] of errors) {
    it(`throws a short error: ${label}`, () => {
      assert.throws(() => parsePythonMetadata(text), (e: Error) => e.message.length < 80 && !e.message.includes('\n'));
    });
  }
});

describe('metadataLicenses', () => {
  const cases: [string, string, string[]][] = [
    ['License field', 'License: BSD-3-Clause\n', ['BSD-3-Clause']],
    ['UNKNOWN falls back to classifiers', 'License: UNKNOWN\nClassifier: License :: OSI Approved :: MIT License\n', ['MIT License']],
    ['pasted license text falls back to classifiers', `License: Copyright (c) 2010\n        Permission is hereby granted\nClassifier: License :: OSI Approved :: BSD License\n`, ['BSD License']],
    ['bare OSI Approved says nothing', 'Classifier: License :: OSI Approved\nClassifier: License :: Public Domain\n', ['Public Domain']],
    ['no license at all', 'Name: x\n', []],
  ];
  for (const [label, text, want] of cases) {
    it(label, () => assert.deepEqual(metadataLicenses(parseMetadataHeaders(text)), want));
  }
});
