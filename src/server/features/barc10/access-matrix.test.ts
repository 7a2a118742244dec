// The role × route matrix of barc10's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/barc10.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('barc10', rows);
