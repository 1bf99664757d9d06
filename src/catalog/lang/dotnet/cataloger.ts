/** .NET: NuGet packages listed in the *.deps.json files that ship beside .NET applications. */
import { readFile } from 'node:fs/promises';
import type { AnalyzerFile, Cataloger, ParseResult } from '../../types.js';
import { parseDepsJson } from './parse-deps-json.js';

const DEPS_JSON = '.deps.json';

async function readText(file: AnalyzerFile): Promise<string> {
  if (file.content) return file.content.toString('utf8');
  return file.tempPath ? readFile(file.tempPath, 'utf8') : '';
}

/** NuGet packages from <app>.deps.json. */
export const dotnetDepsCataloger: Cataloger = {
  name: 'dotnet-deps-cataloger',
  version: 1,
  packageTypes: ['nuget'],
  wants: (path) => path.endsWith(DEPS_JSON),
  async analyze(file): Promise<ParseResult> {
    return { packages: parseDepsJson(await readText(file)) };
  },
};
