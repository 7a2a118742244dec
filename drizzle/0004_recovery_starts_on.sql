ALTER TABLE "people" ADD COLUMN "recovery_starts_on" date;--> statement-breakpoint
-- people.recovery_starts_on: the start of the current stretch of the person's first clock in use (the one
-- their level of recovery is counted from), kept by these triggers in the same transaction as every write
-- to clocks and stretches, so the house page reads it from the person's own row.
CREATE FUNCTION "hearth_refresh_recovery_starts_on"(org uuid, person uuid) RETURNS void
LANGUAGE sql VOLATILE AS $$
  -- Lock the person's row first: the next statement takes a fresh snapshot, so a concurrent change to
  -- the same person's clocks has committed by then and is counted.
  SELECT 1 FROM people WHERE id = person AND organization_id = org FOR NO KEY UPDATE;
  UPDATE people p SET recovery_starts_on = x.starts_on
  FROM (SELECT (SELECT s.starts_on FROM recovery_clocks c
      JOIN recovery_stretches s ON s.clock_id = c.id AND s.organization_id = c.organization_id AND s.ends_on IS NULL
      WHERE c.organization_id = org AND c.person_id = person AND c.archived_at IS NULL
      ORDER BY c.created_at, c.id, s.starts_on DESC LIMIT 1) AS starts_on) x
  WHERE p.id = person AND p.organization_id = org AND p.recovery_starts_on IS DISTINCT FROM x.starts_on;
$$;
--> statement-breakpoint
CREATE FUNCTION "hearth_recovery_starts_on_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM hearth_refresh_recovery_starts_on(OLD.organization_id, OLD.person_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.person_id IS DISTINCT FROM OLD.person_id
      OR NEW.organization_id IS DISTINCT FROM OLD.organization_id) THEN
    PERFORM hearth_refresh_recovery_starts_on(NEW.organization_id, NEW.person_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "recovery_stretches_recovery_starts_on" AFTER INSERT OR UPDATE OR DELETE ON "recovery_stretches"
  FOR EACH ROW EXECUTE FUNCTION hearth_recovery_starts_on_changed();
--> statement-breakpoint
CREATE TRIGGER "recovery_clocks_recovery_starts_on" AFTER INSERT OR DELETE OR UPDATE OF "archived_at", "created_at", "person_id", "organization_id" ON "recovery_clocks"
  FOR EACH ROW EXECUTE FUNCTION hearth_recovery_starts_on_changed();
--> statement-breakpoint
UPDATE people p SET recovery_starts_on = (SELECT s.starts_on FROM recovery_clocks c
    JOIN recovery_stretches s ON s.clock_id = c.id AND s.organization_id = c.organization_id AND s.ends_on IS NULL
    WHERE c.organization_id = p.organization_id AND c.person_id = p.id AND c.archived_at IS NULL
    ORDER BY c.created_at, c.id, s.starts_on DESC LIMIT 1);
