-- JSON columns are jsonb, mapped the one way every service maps them (platform JsonColumns); the reactive
-- PostgreSQL client decodes a JSON column only as an object, so the risk matrix is wrapped in one.
alter table triage_result
    alter column view type jsonb using view::jsonb,
    alter column report type jsonb using report::jsonb;
alter table product_version alter column entry type jsonb using entry::jsonb;
alter table risk_policy alter column matrix type jsonb using jsonb_build_object('regions', matrix::jsonb);
alter table problem alter column trend_event type jsonb using trend_event::jsonb;
