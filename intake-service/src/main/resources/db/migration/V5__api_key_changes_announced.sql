-- Every new, changed or revoked key is announced on channel api_key_changed (the key's id as payload), so
-- each intake node reloads its keys at once instead of polling; the trigger fires whoever writes the row.
create function api_key_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('api_key_changed', new.id::text);
    return null;
end
$$;

create trigger api_key_changed
    after insert or update on api_key
    for each row
execute function api_key_changed();
