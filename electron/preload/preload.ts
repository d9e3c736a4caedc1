// The preload exposes one object, the bridge, and nothing else (no ipcRenderer, no Node).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobalName, channels } from '../contract/channels';
import type { Bridge } from '../contract/client';
import type { Result } from '../contract/errors';

const bridge: Bridge = {
  invoke: (method, input) => ipcRenderer.invoke(channels.invoke, method, input) as Promise<Result<unknown>>,
  on: (listener) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(channels.event, handler);
    return () => {
      ipcRenderer.removeListener(channels.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
