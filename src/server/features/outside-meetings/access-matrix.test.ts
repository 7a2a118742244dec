// The role × route matrix of outside-meetings's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/outside-meetings.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('outside-meetings', rows);
