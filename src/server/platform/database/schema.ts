// The database schema, one file per area under schema/. Every row that belongs to an organization
// carries organization_id and an index that starts with it, so the data can later be distributed by
// organization (decision 0003). A new area adds schema/<area>.ts and one line here.

export * from './schema/chat.ts';
export * from './schema/foundation.ts';
export * from './schema/journey.ts';
export * from './schema/limits.ts';
export * from './schema/meetings.ts';
export * from './schema/notifications.ts';
export * from './schema/peers.ts';
export * from './schema/reach-out.ts';
export * from './schema/realtime.ts';
export * from './schema/support.ts';
