// One Hearth process on an existing database, without the web app: the two-process realtime test starts
// two of these (`node src/server/platform/realtime/serve.ts` with DATABASE_URL and PORT) on one PostgreSQL.
// Everything else is `npm start` itself (startHearth: migrations, scheduled jobs, the same app).
import { startHearth } from '../../main.ts';
import { loadConfig } from '../config.ts';

const hearth = await startHearth({ config: loadConfig(), serveWeb: false });
const stop = () => void hearth.stop().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
