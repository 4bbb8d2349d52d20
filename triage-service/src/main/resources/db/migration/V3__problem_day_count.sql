-- Reports per problem and UTC day of awareness, so that a trend evaluation reads at most a window's days per
-- problem instead of counting every report in the window again: with a problem of thousands of reports each
-- batch's count grew with them (docs/profile.md section 7). Only the two days the windows start on are
-- counted from triage_result, to the instant.
create table problem_day_count (
    problem_id varchar(36) not null,
    day        date        not null,
    reports    bigint      not null,
    primary key (problem_id, day)
);

insert into problem_day_count (problem_id, day, reports)
select problem_id, (aware_at at time zone 'UTC')::date, count(*)
from triage_result
group by 1, 2;
