import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from './read-file.js';

describe('decodeText', () => {
  const text = 'click==8.0.0\r\nFlask==2.0.0\r\n';
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with BOM (PowerShell redirection)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
  ];
  for (const [label, buf] of cases) it(label, () => assert.equal(decodeText(buf), text));

  it('drops an odd trailing byte of UTF-16BE', () => {
    assert.equal(decodeText(Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00])), 'a');
  });
});
