// Meeting scenarios for `npm run bench` (issue 4): the organization's public Meeting Guide feed with 500
// public meetings, and a house's meeting list, each against the raw SELECT baseline measured again just
// before them in the same run. Prints its own table and writes bench/results/meetings.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_SLUG } from '../src/server/features/demo/seed.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FEED_MEETINGS = 500;
export const MEETING_TARGETS = { feedRatio: 0.5, listRatio: 0.5 };

/** What run.ts's measure() returns (the fields used here). */
type Measured = { name: string; reqPerSec: number; p50Ms: number; p99Ms: number; ratioToRaw?: number };
type Load = {
  url: string;
  headers: Record<string, string>;
  serverPid: number;
  requests?: { method: 'PATCH'; path: string; body: string }[];
};

export type MeetingBenchInput<S extends Measured> = {
  base: string;
  rawUrl: string;
  rawPid: number;
  hearthPid: number;
  measure: (name: string, load: Load) => Promise<S>;
};

async function signIn(base: string, login: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
  if (response.status !== 200 || !cookie) throw new Error(`signing in as ${login}: ${response.status}`);
  return cookie.split(';')[0]!;
}

/** The demo directory grows to 500 public meetings, added the way an admin does, ten at a time. */
async function addPublicMeetings(base: string, cookie: string, feedUrl: string): Promise<number> {
  const current = ((await (await fetch(feedUrl)).json()) as unknown[]).length;
  const missing = Math.max(0, FEED_MEETINGS - current);
  const add = async (i: number) => {
    const response = await fetch(`${base}/api/outside-meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        name: `Bench meeting ${i}`,
        days: [i % 7],
        time: `${String(6 + (i % 15)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
        timeZone: 'America/New_York',
        types: i % 3 ? ['O', 'D'] : ['C', 'ST', 'W'],
        fellowship: i % 4 ? 'aa' : 'na',
        location: `Hall ${i}`,
        formattedAddress: `${i} Main St, Burlington, VT 05401, USA`,
        notes: 'Coffee before, fellowship after. Wheelchair ramp at the side door.',
        isPublic: true,
      }),
    });
    if (response.status !== 201)
      throw new Error(`adding bench meeting ${i}: ${response.status} ${await response.text()}`);
  };
  for (let i = 0; i < missing; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, missing - i) }, (_, j) => add(i + j)));
  }
  const rows = ((await (await fetch(feedUrl)).json()) as unknown[]).length;
  if (rows < FEED_MEETINGS) throw new Error(`the feed lists ${rows} meetings, expected ${FEED_MEETINGS}`);
  return rows;
}

export async function benchMeetings<S extends Measured>(input: MeetingBenchInput<S>): Promise<S[]> {
  const { base, rawUrl, rawPid, hearthPid, measure } = input;
  const feedUrl = `${base}/api/public/${DEMO_SLUG}/meetings.json`;
  const admin = await signIn(base, 'admin');
  const feedRows = await addPublicMeetings(base, admin, feedUrl);
  const resident = await signIn(base, 'brianna1');

  // The house's meeting list (house meetings); the outside directory stands in when that route is not there.
  const house = (await (await fetch(`${base}/api/house`, { headers: { cookie: resident } })).json()) as {
    houses?: { residence: { id: string } }[];
  };
  const residenceId = house.houses?.[0]?.residence.id;
  let listPath = residenceId ? `/api/residences/${residenceId}/meetings` : '';
  const listProbe = listPath ? await fetch(`${base}${listPath}`, { headers: { cookie: resident } }) : null;
  await listProbe?.arrayBuffer();
  const houseList = listProbe?.status === 200;
  if (!houseList) {
    console.log(
      `Note: GET ${listPath || '/api/residences/:id/meetings'} answered ${listProbe?.status ?? 'nothing'}; the outside-meeting directory list stands in.`,
    );
    listPath = '/api/outside-meetings';
  }

  // Meeting-finder apps ask for gzip; the feed is served from its cached, pre-compressed form.
  const gzip = { 'accept-encoding': 'gzip' };
  const probe = await fetch(feedUrl, { headers: gzip });
  await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`the feed answered ${probe.status}`);

  const raw = await measure('raw pg baseline (again)', { url: rawUrl, headers: {}, serverPid: rawPid });
  const feed = await measure(`public feed (${feedRows} meetings)`, {
    url: feedUrl,
    headers: gzip,
    serverPid: hearthPid,
  });
  const list = await measure(houseList ? 'house meeting list' : 'outside directory list', {
    url: `${base}${listPath}`,
    headers: { cookie: resident },
    serverPid: hearthPid,
  });
  // The same public meetings as a calendar that phones follow (rendered on each request; calendars
  // ask every few hours), and an admin saying where the online meetings are based (a write).
  const calendar = await measure(`public calendar (${feedRows} meetings)`, {
    url: feedUrl.replace(/\.json$/, '.ics'),
    headers: {},
    serverPid: hearthPid,
  });
  const areaSetting = await measure('feed settings (PATCH)', {
    url: `${base}/api/outside-meetings/feed-settings`,
    headers: { cookie: admin, 'content-type': 'application/json' },
    serverPid: hearthPid,
    requests: [
      {
        method: 'PATCH',
        path: '/api/outside-meetings/feed-settings',
        body: JSON.stringify({ meetingArea: 'Burlington, VT, USA' }),
      },
    ],
  });
  for (const s of [feed, list, calendar, areaSetting])
    s.ratioToRaw = raw.reqPerSec ? s.reqPerSec / raw.reqPerSec : 0;

  const goals = [
    {
      name: `public feed (${feedRows} meetings) req/s vs raw SELECT baseline`,
      target: `≥ ${MEETING_TARGETS.feedRatio * 100}%`,
      actual: `${((feed.ratioToRaw ?? 0) * 100).toFixed(0)}%`,
      pass: (feed.ratioToRaw ?? 0) >= MEETING_TARGETS.feedRatio,
    },
    {
      name: `${list.name} (${listPath.replace(/[0-9a-f-]{36}/, ':id')}) req/s vs raw SELECT baseline`,
      target: `≥ ${MEETING_TARGETS.listRatio * 100}%`,
      actual: `${((list.ratioToRaw ?? 0) * 100).toFixed(0)}%`,
      pass: (list.ratioToRaw ?? 0) >= MEETING_TARGETS.listRatio,
    },
  ];
  console.log('\nMeetings (issue 4)');
  for (const s of [raw, feed, list, calendar, areaSetting]) {
    const ratio = s.ratioToRaw === undefined ? '—' : `${(s.ratioToRaw * 100).toFixed(0)}%`;
    console.log(
      `  ${s.name.padEnd(34)} ${String(s.reqPerSec).padStart(7)} req/s  p50 ${s.p50Ms} ms  p99 ${s.p99Ms} ms  vs raw ${ratio}`,
    );
  }
  for (const g of goals)
    console.log(`  ${g.pass ? 'PASS' : 'MISS'}  ${g.name}: ${g.actual} (target ${g.target})`);
  console.log('');
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'meetings.json'),
    `${JSON.stringify({ at: new Date().toISOString(), feedMeetings: feedRows, listPath, scenarios: [raw, feed, list, calendar, areaSetting], targets: goals }, null, 2)}\n`,
  );
  return [raw, feed, list, calendar, areaSetting];
}
