/**
 * The files `npm run generate` writes, each from the catalogues in server/src/core. They are
 * tracked: CI regenerates them and fails when that changes a file (`git diff --exit-code`), and
 * test/unit/generated.test.ts fails when one is out of date.
 */
import { grammar } from './grammar';
import { rulesDoc } from './rules-doc';
import { snippets } from './snippets';

/** One generated file: its path from the repository root and its text (given the current text). */
export interface Output {
  path: string;
  render(current: string | undefined): string;
}

export const OUTPUTS: readonly Output[] = [
  {
    path: 'docs/rules.md',
    render: (current) => {
      if (current === undefined) throw new Error('docs/rules.md is missing: only its marked blocks are generated');
      return rulesDoc(current);
    },
  },
  { path: 'snippets/itsmote.code-snippets', render: snippets },
  { path: 'syntaxes/itsmote.injection.tmLanguage.json', render: grammar },
];
