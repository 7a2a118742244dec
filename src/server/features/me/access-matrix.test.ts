// The role × route matrix of me's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/me.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('me', rows);
