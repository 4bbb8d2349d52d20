-- After every migration (a Flyway callback, so a table added later is covered at the next start): the
-- service's runtime role (quarkus.datasource.username, DB_USER) reads and writes rows and nothing else.
-- The migration role owns the schema, the tables, the triggers and their functions; only an owner may
-- alter, disable or drop a trigger, replace its function or truncate a table, so the append-only audit
-- trail holds against the role the service runs as. Nothing to do when both are one role.
-- Instances of a service that start together run this together, after Flyway has released its own lock, and
-- two concurrent grants on one object fail with "tuple concurrently updated"; a lock held to the end of the
-- transaction makes them take turns.
do $$
begin
    if current_user <> '${runtime_role}' then
        perform pg_advisory_xact_lock(hashtext('fieldsafety runtime role grants'));
        execute format('grant usage on schema %I to %I', current_schema(), '${runtime_role}');
        execute format('grant select, insert, update, delete on all tables in schema %I to %I',
                       current_schema(), '${runtime_role}');
        execute format('grant usage, select on all sequences in schema %I to %I',
                       current_schema(), '${runtime_role}');
        execute format('revoke all on %I from %I', '${flyway:table}', '${runtime_role}');
    end if;
end
$$;
