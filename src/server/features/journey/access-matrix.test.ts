// The role × route matrix of journey's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/journey.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('journey', rows);
