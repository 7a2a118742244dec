// The role × route matrix of check-ins's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/check-ins.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('check-ins', rows);
