// The role × route matrix of reach-out's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/reach-out.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('reach-out', rows);
