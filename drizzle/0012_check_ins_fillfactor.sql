-- A check-in is changed on the day it is made (the end-of-day reflection, a corrected mood). Leaving
-- room on each page lets PostgreSQL write the new version beside the old one (a HOT update) without
-- touching the table's indexes.
ALTER TABLE "check_ins" SET (fillfactor = 85);
