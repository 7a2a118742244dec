// The role × route matrix of chat's routes (test/matrix/world.ts; every route has a row: platform/access-matrix.test.ts).
import * as rows from '../../../test/matrix/rows/chat.ts';
import { describeAccessMatrix } from '../../../test/matrix/world.ts';

describeAccessMatrix('chat', rows);
