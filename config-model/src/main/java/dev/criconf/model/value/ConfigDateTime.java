package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * A date, time or date-time (TOML's four kinds).
 *
 * @param kind   which of the four it is
 * @param value  an {@link OffsetDateTime}, {@link LocalDateTime}, {@link LocalDate} or {@link LocalTime} matching {@code kind}
 * @param raw    the text as written
 * @param origin where it is
 */
public record ConfigDateTime(Kind kind, Temporal value, String raw, Origin origin) implements ConfigScalar {

    /** TOML's date and time kinds. */
    public enum Kind {
        /** Date, time and offset, e.g. {@code 1979-05-27T07:32:00Z}. */
        OFFSET_DATE_TIME(OffsetDateTime.class),
        /** Date and time without offset. */
        LOCAL_DATE_TIME(LocalDateTime.class),
        /** A date. */
        LOCAL_DATE(LocalDate.class),
        /** A time of day. */
        LOCAL_TIME(LocalTime.class);

        private final Class<? extends Temporal> javaType;

        Kind(Class<? extends Temporal> javaType) {
            this.javaType = javaType;
        }

        /** The java.time class that holds values of this kind. */
        public Class<? extends Temporal> javaType() {
            return javaType;
        }
    }

    /** Rejects nulls and a value whose class does not match the kind. */
    public ConfigDateTime {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
        if (!kind.javaType().isInstance(value)) {
            throw new IllegalArgumentException(kind + " needs a " + kind.javaType().getSimpleName() + ", got " + value.getClass().getSimpleName());
        }
    }

    @Override
    public ValueType type() {
        return ValueType.DATE_TIME;
    }
}
