-- Triage results: one row per report (the idempotency record), the stored JSON is what is re-published.
create table triage_result (
    report_id         varchar(200) primary key,
    product_id        varchar(200) not null,
    problem_id        varchar(36)  not null,
    software_item     varchar(200),
    fault_code        varchar(200),
    software_version  varchar(100),
    country           varchar(2),
    aware_at          timestamptz  not null,
    triaged_at        timestamptz  not null,
    policy_version    integer      not null,
    registry_version  integer,
    view              text         not null
);
create index triage_result_problem on triage_result (product_id, problem_id);

-- Product registry: every change is a new version; the highest version is current.
create table product_version (
    product_id  varchar(200) not null,
    version     integer      not null,
    entry       text         not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    primary key (product_id, version)
);

-- ISO 14971 risk acceptability policy: every change is a new version; the highest version is current.
create table risk_policy (
    version     integer      primary key,
    matrix      text         not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null
);
insert into risk_policy (version, matrix, changed_by, changed_at) values (1,
 '[["ACCEPTABLE","ACCEPTABLE","ACCEPTABLE","ACCEPTABLE","REVIEW"],["ACCEPTABLE","ACCEPTABLE","ACCEPTABLE","REVIEW","REVIEW"],["ACCEPTABLE","ACCEPTABLE","REVIEW","REVIEW","UNACCEPTABLE"],["ACCEPTABLE","REVIEW","REVIEW","UNACCEPTABLE","UNACCEPTABLE"],["REVIEW","REVIEW","UNACCEPTABLE","UNACCEPTABLE","UNACCEPTABLE"]]',
 'system', timestamptz '2026-01-01T00:00:00Z');
