-- The periodic summary reporting agreements (PeriodicSummaryAgreementView, MDR Art. 87(9)): one row per
-- agreement with what the rule matches incidents on, and as JSON its IMDRF codes and signatures.
create table periodic_summary_agreement_view (
    agreement_id        varchar(64)  primary key,
    version             bigint       not null,
    regime              varchar(32)  not null,
    product_id          varchar(255) not null,
    problem_id          varchar(255) not null,
    frequency           varchar(32)  not null,
    first_period_start  date         not null,
    competent_authority varchar(255) not null,
    authority_reference varchar(255) not null,
    agreed_at           timestamptz  not null,
    ended_at            timestamptz,
    details             jsonb        not null
);

-- the agreements of a product's problem
create index periodic_summary_agreement_view_problem on periodic_summary_agreement_view (product_id, problem_id);
