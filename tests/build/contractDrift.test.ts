import { join, relative } from 'path';
import ts from 'typescript';
import { ROOT } from '../support/fixtures';

/**
 * The contract is what both sides compile against: renaming a reply field in src/contract alone
 * must break the app that reads it and the handlers that answer it, under the project's own
 * compiler settings (what `npm run typecheck` runs).
 */
describe('src/contract binds the app and the server', () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const roots = config.fileNames.filter((file) => /\/(src|server|types)\//.test(file));
  const repliesPath = join(ROOT, 'src', 'contract', 'replies.ts');

  /** Files with type errors when replies.ts reads as `edit` makes it. */
  function filesWithErrors(edit: (text: string) => string): string[] {
    const host = ts.createCompilerHost(config!.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => {
      const text = readFile(file);
      return file === repliesPath && text !== undefined ? edit(text) : text;
    };
    const program = ts.createProgram(roots, config!.options, host);
    const files = ts
      .getPreEmitDiagnostics(program)
      .flatMap((diagnostic) => (diagnostic.file ? [relative(ROOT, diagnostic.file.fileName)] : []));
    return [...new Set(files)].sort();
  }

  it('fails to compile on both sides when a reply field is renamed in the contract only', () => {
    const renamed = (text: string) => {
      const next = text.replace('  evidenceCount: number;', '  materialCount: number;');
      if (next === text) throw new Error('TaskSummary.evidenceCount is not in replies.ts any more: update this test');
      return next;
    };
    const broken = filesWithErrors(renamed);
    expect(
      broken.filter((file) => file.startsWith('src/') && !file.startsWith('src/contract/')).length,
    ).toBeGreaterThan(0);
    expect(broken.filter((file) => file.startsWith('server/')).length).toBeGreaterThan(0);
  }, 120_000);

  it('compiles cleanly as it is', () => {
    expect(filesWithErrors((text) => text)).toEqual([]);
  }, 120_000);
});
