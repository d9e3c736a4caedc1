/** The only IPC channel names of the app, shared by preload and main (one place, one spelling). */
export const channels = {
  invoke: 'motcua:invoke',
  event: 'motcua:event',
} as const;

/** The name under which the preload exposes the bridge in the renderer's main world. */
export const bridgeGlobalName = 'motcua';
