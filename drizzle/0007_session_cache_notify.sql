-- Every Hearth process keeps signed-in sessions in memory for up to a minute. Whatever changes what a
-- session may do — signing out or a password reset (a session revoked), a role granted or ended (a
-- membership), a person's language — tells every process at commit, on the channel hearth_sessions,
-- with the person's id, and each forgets that person's cached sessions. Triggers, so no code path can
-- forget to say it.
CREATE FUNCTION hearth_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('hearth_sessions', OLD.person_id::text);
    RETURN OLD;
  END IF;
  PERFORM pg_notify('hearth_sessions', NEW.person_id::text);
  IF TG_OP = 'UPDATE' AND OLD.person_id IS DISTINCT FROM NEW.person_id THEN
    PERFORM pg_notify('hearth_sessions', OLD.person_id::text);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE FUNCTION hearth_person_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('hearth_sessions', OLD.id::text);
    RETURN OLD;
  END IF;
  PERFORM pg_notify('hearth_sessions', NEW.id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_revoked_notify AFTER UPDATE OF revoked_at, expires_at ON sessions
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR NEW.expires_at < OLD.expires_at)
  EXECUTE FUNCTION hearth_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_deleted_notify AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION hearth_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_changed_notify AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION hearth_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER people_session_fields_notify AFTER UPDATE OF language, organization_id ON people
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION hearth_person_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER people_deleted_notify AFTER DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION hearth_person_sessions_changed();
