// The role × route matrix: every API route, called by every kind of person (test/matrix/world.ts). Each area's
// rows run in its own access-matrix.test.ts; this file runs the platform's and checks that the route list of
// the app itself has a row in some area, so a new route without one fails here.
import { describe, expect, it } from 'vitest';
import { MATRIX_BY_AREA } from '../../test/matrix/rows/index.ts';
import * as rows from '../../test/matrix/rows/platform.ts';
import { describeAccessMatrix } from '../../test/matrix/world.ts';
import { apiRouteKeys, buildAppWithRouteList } from '../../test/routes.ts';

describe('role × route matrix', () => {
  it('should have a row for every API route of the app, and no row for a route that is gone', async () => {
    const built = await buildAppWithRouteList();
    await built.app.close();
    const areas = Object.values(MATRIX_BY_AREA);
    const expected = areas.flatMap((area) => Object.keys(area.expected));
    const requests = areas.flatMap((area) => Object.keys(area.requests));
    expect(expected.sort()).toEqual(apiRouteKeys(built.routes));
    expect(requests.sort()).toEqual(apiRouteKeys(built.routes));
  });
});

describeAccessMatrix('platform', rows);
