-- One definition of "a current membership" (decision 0022). A membership's days are days of its house's
-- time zone (UTC for a role without a house: admin, counselor, alumni of no house). starts_on is the first
-- day it is held; ends_on is the day it ends and is no longer held (the moving-out day), so a role ended
-- "today" has ended. starts_at/ends_at are the midnights that begin those days in that zone, kept here by a
-- trigger on every write and again when a house's time zone changes; a membership is current from
-- starts_at until ends_at, checked against now(): no job has to run for a scheduled end to arrive.
CREATE FUNCTION hearth_membership_instants() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone text := coalesce((SELECT r.time_zone FROM residences r WHERE r.id = NEW.residence_id), 'UTC');
BEGIN
  NEW.starts_at := NEW.starts_on::timestamp AT TIME ZONE zone;
  NEW.ends_at := NEW.ends_on::timestamp AT TIME ZONE zone;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_instants BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION hearth_membership_instants();
--> statement-breakpoint
CREATE FUNCTION hearth_residence_membership_instants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships SET starts_on = starts_on
    WHERE organization_id = NEW.organization_id AND residence_id = NEW.id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER residences_membership_instants AFTER UPDATE OF time_zone ON residences
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION hearth_residence_membership_instants();
--> statement-breakpoint
-- Until now ends_on was the last day held: the day after it is the day the role ended.
UPDATE memberships SET ends_on = ends_on + 1;
--> statement-breakpoint
-- Held at an instant; hearth_membership_current(m) is "held now". Plain SQL, so the planner inlines it
-- into every query that uses it.
CREATE FUNCTION hearth_membership_current(m memberships, at timestamptz) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT m.starts_at <= at AND (m.ends_at IS NULL OR m.ends_at > at) $$;
--> statement-breakpoint
CREATE FUNCTION hearth_membership_current(m memberships) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT hearth_membership_current(m, now()) $$;
--> statement-breakpoint
-- Held on a day of the house's calendar (a meeting's day, a check-in's day, a day of a chart).
CREATE FUNCTION hearth_membership_held_on(m memberships, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT m.starts_on <= day AND (m.ends_on IS NULL OR m.ends_on > day) $$;
