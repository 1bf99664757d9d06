/** .NET: NuGet packages listed in the *.deps.json files that ship beside .NET applications. */
import { fileText } from '../../read-file.js';
import type { Cataloger, ParseResult } from '../../types.js';
import { parseDepsJson } from './parse-deps-json.js';

const DEPS_JSON = '.deps.json';

/** NuGet packages from <app>.deps.json. */
export const dotnetDepsCataloger: Cataloger = {
  name: 'dotnet-deps-cataloger',
  version: 1,
  packageTypes: ['nuget'],
  wants: (path) => path.endsWith(DEPS_JSON),
  async analyze(file): Promise<ParseResult> {
    return { packages: parseDepsJson(await fileText(file)) };
  },
};
