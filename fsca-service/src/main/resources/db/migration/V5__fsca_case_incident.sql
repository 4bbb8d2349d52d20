-- One row per incident of a case (FscaCaseIncident), so that attaching or reclassifying an incident writes
-- that one row instead of the case's whole JSON: under a trend signal one case gathers thousands. The case
-- row keeps what its queue needs: the number of incidents and the reporting clock that runs out first.
create table fsca_case_incident (
    case_id          varchar(64)  not null,
    report_id        varchar(255) not null,
    -- the sequence number of the event that attached it: the case's incidents in the order they came
    attach_sequence  bigint       not null,
    -- the incident's earliest reporting deadline, null without a reporting duty
    nearest_deadline timestamptz,
    incident         jsonb        not null,
    primary key (case_id, report_id)
);

create index fsca_case_incident_report on fsca_case_incident (report_id);
-- the case's nearest deadline again after a reclassification, without reading all its incidents
create index fsca_case_incident_deadline on fsca_case_incident (case_id, nearest_deadline);

alter table fsca_case_view
    add column incident_count integer      not null default 0,
    add column nearest_regime varchar(255),
    add column nearest_basis  varchar(255);

-- Each case's incidents out of its JSON, in their order (an old case's sequence numbers are unknown, but
-- its position is below the sequence number of any incident attached after the upgrade).
insert into fsca_case_incident (case_id, report_id, attach_sequence, nearest_deadline, incident)
select v.case_id,
       i.incident ->> 'reportId',
       i.position,
       (select min((c ->> 'deadline')::timestamptz) from jsonb_array_elements(i.incident -> 'clocks') c),
       i.incident
from fsca_case_view v,
     jsonb_array_elements(v.details -> 'incidents') with ordinality as i(incident, position)
on conflict do nothing;

-- nearest_deadline is already there; every right-hand side reads the row as it was before this update
update fsca_case_view v
set incident_count = (select count(*) from fsca_case_incident i where i.case_id = v.case_id),
    (nearest_regime, nearest_basis) = (
        select c ->> 'regime', c ->> 'basis'
        from jsonb_array_elements(v.details -> 'incidents') i, jsonb_array_elements(i -> 'clocks') c
        order by (c ->> 'deadline')::timestamptz
        limit 1),
    details = v.details - 'incidents';
