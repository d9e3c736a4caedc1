import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { layersRule } from '../../eslint-rules/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..', '..');
const at = (file: string) => path.join(root, file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } });

tester.run('motcua/layers', layersRule, {
  valid: [
    { filename: at('renderer/src/App.tsx'), code: "import { contract } from '../../electron/contract/index';" },
    { filename: at('renderer/src/App.tsx'), code: "import React from 'react'; import './Home';" },
    { filename: at('electron/contract/settings.ts'), code: "import { z } from 'zod'; import { method } from './define';" },
    { filename: at('electron/services/x.ts'), code: "import fs from 'node:fs'; import { openDatabase } from '../db/connection'; import { c } from '../contract/index'; import { s } from '../../native/scanner/sane';" },
    { filename: at('electron/db/x.ts'), code: "import Database from 'better-sqlite3'; import path from 'node:path';" },
    { filename: at('electron/main/x.ts'), code: "import { app } from 'electron'; import { createServices } from '../services/createServices';" },
    { filename: at('electron/preload/preload.ts'), code: "import { contextBridge } from 'electron'; import { channels } from '../contract/channels';" },
    { filename: at('electron/cli/main.ts'), code: "import { Command } from 'commander'; import { createServices } from '../services/createServices';" },
    { filename: at('native/scanner/sane.ts'), code: "import { execFile } from 'node:child_process';" },
    { filename: at('tests/unit/x.ts'), code: "import { app } from 'electron'; import fs from 'node:fs';" },
  ],
  invalid: [
    { filename: at('renderer/src/App.tsx'), code: "import { ipcRenderer } from 'electron';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/src/App.tsx'), code: "import fs from 'node:fs';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/src/App.tsx'), code: "import path from 'path';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/src/App.tsx'), code: "import { SettingsService } from '../../electron/services/settingsService';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/src/App.tsx'), code: "export * from '../../electron/db/connection';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('renderer/src/App.tsx'), code: "const m = import('../../electron/main/security');", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/services/x.ts'), code: "import { safeStorage } from 'electron';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/services/x.ts'), code: "const { app } = require('electron');", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/services/x.ts'), code: "import { startApp } from '../main/bootstrap';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('native/token/pkcs11.ts'), code: "import { app } from 'electron';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('native/token/pkcs11.ts'), code: "import { x } from '../../electron/services/x';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/db/x.ts'), code: "import { app } from 'electron';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/contract/x.ts'), code: "import { openDatabase } from '../db/connection';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/contract/x.ts'), code: "import fs from 'node:fs';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/contract/x.ts'), code: "import React from 'react';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/contract/x.ts'), code: "import { x } from '../../tests/support/tempDir';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/preload/preload.ts'), code: "import fs from 'node:fs';", errors: [{ messageId: 'forbidden' }] },
    { filename: at('electron/cli/main.ts'), code: "import { app } from 'electron';", errors: [{ messageId: 'forbidden' }] },
  ],
});
