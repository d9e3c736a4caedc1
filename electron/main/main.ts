// The Electron entry point: nothing but wiring. Everything worth testing lives in bootstrap.ts and services/.
import * as electron from 'electron';
import { defaultPaths, startApp } from './bootstrap';

startApp(electron, defaultPaths(__dirname, process.resourcesPath, electron.app.isPackaged));
