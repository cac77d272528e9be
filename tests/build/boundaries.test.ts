import { ESLint } from 'eslint';
import { join } from 'path';
import { ROOT } from '../support/fixtures';

/**
 * The layout's rules are lint rules: each one must refuse a file that breaks it, and let the same
 * import through where it belongs. The files are linted as if they lived at those paths.
 */
describe('import boundaries', () => {
  const eslint = new ESLint({ cwd: ROOT });

  async function restrictedImports(path: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: join(ROOT, path) });
    return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  const violations: Array<[string, string, string]> = [
    ['a handler importing wx-server-sdk', 'server/handlers/sneaky.ts', "import cloud from 'wx-server-sdk';"],
    [
      'a handler importing the WeChat store',
      'server/handlers/sneaky.ts',
      "import { CloudDbStore } from '../wechat/store/CloudDbStore';",
    ],
    [
      'the application importing the local cloud',
      'server/sneaky.ts',
      "import { SqliteStore } from '../local/store/SqliteStore';",
    ],
    [
      'a page importing server/',
      'src/pages/sneaky/index.tsx',
      "import { API_HANDLERS } from '../../../server/handlers';",
    ],
    ['a hook importing local/', 'src/hooks/useSneaky.ts', "import { openLocalCloud } from '../../local/cloud';"],
    ['the domain importing Taro', 'src/core/sneaky.ts', "import Taro from '@tarojs/taro';"],
    ['the domain importing React', 'src/core/sneaky.ts', "import { useState } from 'react';"],
    ['the domain reading files', 'src/core/sneaky.ts', "import { readFileSync } from 'fs';"],
    ['the domain importing the app client', 'src/core/sneaky.ts', "import { callApi } from '../services/api';"],
    ['the contract importing zod', 'src/contract/sneaky.ts', "import { z } from 'zod';"],
    [
      'a WeChat adapter importing the local cloud',
      'server/wechat/sneaky.ts',
      "import { SqliteStore } from '../../local/store/SqliteStore';",
    ],
  ];

  it.each(violations)('refuses %s', async (_what, path, source) => {
    expect(await restrictedImports(path, `${source}\nexport {};\n`)).toHaveLength(1);
  });

  const allowed: Array<[string, string, string]> = [
    ['wx-server-sdk in a WeChat adapter', 'server/wechat/sneaky.ts', "import cloud from 'wx-server-sdk';"],
    ['the domain in a handler', 'server/handlers/fine.ts', "import { submit } from '../../src/core/workflow';"],
    ['the contract in a page', 'src/pages/fine/index.tsx', "import type { Reply } from '../../contract/actions';"],
    ['the domain in the contract', 'src/contract/fine.ts', "import type { Role } from '../core/model';"],
    ['the server in the local cloud', 'local/fine.ts', "import { handleCall } from '../server/router';"],
  ];

  it.each(allowed)('lets through %s', async (_what, path, source) => {
    expect(await restrictedImports(path, `${source}\nexport {};\n`)).toEqual([]);
  });
});
