import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dotnetDepsCataloger } from './cataloger.js';
import { parseDepsJson } from './parse-deps-json.js';

// shape of an ASP.NET app's deps.json as the .NET 8 SDK writes it (trimmed)
const DEPS = `{
  "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0", "signature": "" },
  "compilationOptions": {},
  "targets": {
    ".NETCoreApp,Version=v8.0": {
      "WebApp/1.0.0": { "dependencies": { "Newtonsoft.Json": "13.0.3", "Lib": "1.0.0" }, "runtime": { "WebApp.dll": {} } },
      "Newtonsoft.Json/13.0.3": { "runtime": { "lib/net6.0/Newtonsoft.Json.dll": { "assemblyVersion": "13.0.0.0", "fileVersion": "13.0.3.27908" } } },
      "Lib/1.0.0": { "runtime": { "Lib.dll": {} } }
    }
  },
  "libraries": {
    "WebApp/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
    "Newtonsoft.Json/13.0.3": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==",
      "path": "newtonsoft.json/13.0.3",
      "hashPath": "newtonsoft.json.13.0.3.nupkg.sha512"
    },
    "Microsoft.Extensions.Logging.Abstractions/8.0.0": { "type": "package", "serviceable": true, "sha512": "sha512-x", "path": "microsoft.extensions.logging.abstractions/8.0.0" },
    "Lib/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
    "Legacy/2.0.0.0": { "type": "reference", "serviceable": false, "sha512": "" },
    "NoVersion": { "type": "package" }
  }
}`;

describe('parseDepsJson', () => {
  it('keeps package libraries only, name and version from the key', () => {
    const got = parseDepsJson(DEPS).map((p) => [p.purl, p.metadata?.path]);
    assert.deepEqual(got, [
      ['pkg:nuget/Newtonsoft.Json@13.0.3', 'newtonsoft.json/13.0.3'],
      ['pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0', 'microsoft.extensions.logging.abstractions/8.0.0'],
    ]);
  });

  it('no libraries, no packages', () => assert.deepEqual(parseDepsJson('{"targets": {}}'), []));

  it('throws a short error on malformed input', () => {
    assert.throws(() => parseDepsJson('{"libraries": {'), /deps.json is not valid JSON/);
    assert.throws(() => parseDepsJson('null'), /not a JSON object/);
  });
});

describe('dotnetDepsCataloger.wants', () => {
  const cases: [string, boolean][] = [
    ['/app/WebApp.deps.json', true],
    ['/usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.0/Microsoft.NETCore.App.deps.json', true],
    ['/app/WebApp.runtimeconfig.json', false],
    ['/app/deps.json.bak', false],
  ];
  for (const [path, want] of cases) it(path, () => assert.equal(dotnetDepsCataloger.wants(path, 100, 0o644), want));
});
