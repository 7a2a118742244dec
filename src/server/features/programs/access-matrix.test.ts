// The role × route matrix of programs's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/programs.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('programs', rows);
