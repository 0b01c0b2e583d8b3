package dev.criconf.validate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Redactor;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes fixes and their {@link NodeEdit}s as JSON objects: {@code op} (the variant's name in
 * kebab-case, e.g. {@code set-cgroup-driver}) plus one field per record component. Reading the
 * components reflectively keeps the output right as the model adds edit variants.
 */
final class Edits {

    private Edits() {
    }

    static void writeFix(JsonGenerator g, Fix fix, Redactor redactor) throws IOException {
        g.writeStartObject();
        g.writeStringField("description", redactor.redact(fix.description()));
        g.writeBooleanField("machineApplicable", fix.machineApplicable());
        g.writeArrayFieldStart("edits");
        for (NodeEdit e : fix.edits()) {
            writeEdit(g, e, redactor);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void writeEdit(JsonGenerator g, NodeEdit edit, Redactor redactor) throws IOException {
        g.writeStartObject();
        g.writeStringField("op", op(edit.getClass()));
        RecordComponent[] components = edit.getClass().getRecordComponents();
        if (components == null) {
            g.writeStringField("description", redactor.redact(edit.describe()));
        } else {
            for (RecordComponent c : components) {
                if (c.getName().equals("op")) {
                    continue;
                }
                Object value;
                try {
                    value = c.getAccessor().invoke(edit);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IOException("cannot read " + c.getName() + " of " + edit.getClass().getName(), e);
                }
                if (value != null && !(value instanceof Optional && ((Optional<?>) value).isEmpty())) {
                    g.writeFieldName(c.getName());
                    writeValue(g, value, redactor);
                }
            }
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object value, Redactor redactor) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Optional) {
            Optional<?> o = (Optional<?>) value;
            if (o.isPresent()) {
                writeValue(g, o.get(), redactor);
            } else {
                g.writeNull();
            }
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Enum) {
            g.writeString(kebab(((Enum<?>) value).name()));
        } else if (value instanceof Collection) {
            g.writeStartArray();
            for (Object item : (Collection<?>) value) {
                writeValue(g, item, redactor);
            }
            g.writeEndArray();
        } else if (value instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(redactor.redact(String.valueOf(e.getKey())));
                writeValue(g, e.getValue(), redactor);
            }
            g.writeEndObject();
        } else {
            g.writeString(redactor.redact(value.toString()));
        }
    }

    /** {@code SetCgroupDriver} to {@code set-cgroup-driver}. */
    static String op(Class<?> type) {
        String name = type.getSimpleName();
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
                boolean acronymEnd = i > 0 && i + 1 < name.length() && Character.isUpperCase(name.charAt(i - 1))
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || acronymEnd) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code CRI_DOCKERD} to {@code cri-dockerd}. */
    static String kebab(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
