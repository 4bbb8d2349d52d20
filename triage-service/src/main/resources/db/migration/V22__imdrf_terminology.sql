-- The IMDRF Adverse Event Terminology, versioned: every annex of every loaded release stays, keyed by its
-- release number; a new release is added beside the old ones and nothing is ever updated.
create table imdrf_annex_release (
    annex      varchar(1)    not null,
    release    varchar(40)   not null,
    published  date,
    source     varchar(1000) not null,
    terms      integer       not null,
    loaded_at  timestamptz   not null,
    loaded_by  varchar(200)  not null,
    primary key (annex, release)
);

create table imdrf_term (
    release  varchar(40)  not null,
    code     varchar(16)  not null,
    annex    varchar(1)   not null,
    term     varchar(500) not null,
    primary key (release, code),
    foreign key (annex, release) references imdrf_annex_release (annex, release)
);
create index imdrf_term_annex on imdrf_term (annex, release, code);
