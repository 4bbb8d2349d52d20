package org.fieldsafety.triage.registry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.fieldsafety.triage.classification.ProductEntry;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a product's registry entry (history is kept: rows are never updated). */
@Entity
@Table(name = "product_version")
@IdClass(ProductVersionEntity.Key.class)
public class ProductVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public String productId;

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProductEntry entry;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The composite key (product, version). */
    public static class Key implements Serializable {
        public String productId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.productId.equals(productId) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(productId, version);
        }
    }
}
