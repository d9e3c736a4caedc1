import os from 'node:os';
import path from 'node:path';

/** The folder Electron's app.getPath('userData') gives for our app name, so the CLI and the app share one. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.MOTCUA_DATA_DIR) return path.resolve(env.MOTCUA_DATA_DIR);
  const appName = 'motcua-kiosk';
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'motcua.sqlite');
}
