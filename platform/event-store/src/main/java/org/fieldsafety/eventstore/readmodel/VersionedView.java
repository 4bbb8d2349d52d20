package org.fieldsafety.eventstore.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;

/**
 * A read model row of one aggregate. {@code version} is the sequence number of the last event applied,
 * so a redelivered event changes nothing.
 */
@MappedSuperclass
public abstract class VersionedView extends PanacheEntityBase {

    public long version;
}
