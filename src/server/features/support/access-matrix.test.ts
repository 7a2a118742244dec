// The role × route matrix of support's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/support.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('support', rows);
