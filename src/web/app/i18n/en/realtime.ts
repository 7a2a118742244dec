// English words of the web app: the light in the header that says whether updates arrive live.
// The Spanish file es/realtime.ts has exactly the same keys.
export const realtime = {
  realtime: {
    connecting: 'Connecting…',
    connectingHint: 'Connecting for live updates.',
    live: 'Live',
    liveHint: 'Live: what your housemates do shows up here right away.',
    reconnecting: 'Reconnecting…',
    reconnectingHint: 'The connection dropped. Trying again; nothing you missed is lost.',
    offline: 'Offline',
    offlineHint: 'You are offline. We will catch up on what you missed when you are back.',
  },
};
