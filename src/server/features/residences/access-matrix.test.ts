// The role × route matrix of residences's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/residences.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('residences', rows);
