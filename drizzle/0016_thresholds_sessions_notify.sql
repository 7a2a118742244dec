-- A signed-in person's session also carries their organization's signal thresholds, so a check-in knows
-- whether its figures call for a signal without asking. A change of them tells every process at commit,
-- on hearth_sessions, with 'organization:<id>': each forgets that organization's cached sessions.
CREATE FUNCTION hearth_organization_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('hearth_sessions', 'organization:' || OLD.organization_id::text);
    RETURN OLD;
  END IF;
  PERFORM pg_notify('hearth_sessions', 'organization:' || NEW.organization_id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organization_settings_notify AFTER INSERT OR UPDATE OR DELETE ON organization_settings
  FOR EACH ROW EXECUTE FUNCTION hearth_organization_sessions_changed();
