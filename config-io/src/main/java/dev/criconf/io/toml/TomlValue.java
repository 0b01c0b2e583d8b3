package dev.criconf.io.toml;

import dev.criconf.model.Origin;
import java.util.Optional;

/**
 * A value of a parsed TOML document (read-only semantic view). Each knows where it was written:
 * {@link #origin()} is the value's own text (for a table: its header, or its braces, or the key
 * that implied it), and {@link #keyOrigin()} the key that names it, when it has one (array items
 * and the root have none).
 *
 * <p>Record equality includes the origins; compare {@link #toJava()} results to compare values.
 */
public sealed interface TomlValue permits TomlString, TomlInteger, TomlFloat, TomlBoolean, TomlOffsetDateTime,
        TomlLocalDateTime, TomlLocalDate, TomlLocalTime, TomlArray, TomlTable {

    /** Where the value is written. */
    Origin origin();

    /** Where the key naming this value is written; empty for array items and the root. */
    Optional<Origin> keyOrigin();

    /**
     * The value as plain Java: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
     * {@code OffsetDateTime}, {@code LocalDateTime}, {@code LocalDate}, {@code LocalTime},
     * an unmodifiable {@code List<Object>} or an unmodifiable insertion-ordered
     * {@code Map<String, Object>}. These are also the forms edits accept.
     */
    Object toJava();

    /** The TOML type name, as in messages: string, integer, float, boolean, date-time, array, table... */
    String typeName();
}
