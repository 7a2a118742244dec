-- A signed-in person's time zone (their own, else their house's, else UTC) is remembered with their
-- session, so each process knows their day without asking. Whatever changes it tells every process at
-- commit on hearth_sessions, as the session triggers of 0007 do: a person's own time zone, and a house's
-- time zone (each person with a membership in that house). A membership that begins or ends is already
-- announced by memberships_changed_notify.
DROP TRIGGER people_session_fields_notify ON people;
--> statement-breakpoint
CREATE TRIGGER people_session_fields_notify AFTER UPDATE OF language, organization_id, time_zone ON people
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language
    OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION hearth_person_sessions_changed();
--> statement-breakpoint
CREATE FUNCTION hearth_residence_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hearth_sessions', person_id::text)
    FROM (SELECT DISTINCT m.person_id FROM memberships m
      WHERE m.organization_id = NEW.organization_id AND m.residence_id = NEW.id) AS members;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER residences_time_zone_notify AFTER UPDATE OF time_zone ON residences
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION hearth_residence_sessions_changed();
