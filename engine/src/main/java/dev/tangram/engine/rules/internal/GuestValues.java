package dev.tangram.engine.rules.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.Proxy;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.jspecify.annotations.Nullable;

/**
 * Converts between record values and script values. Scripts see numbers as doubles, dates as ISO strings,
 * subforms as arrays of rows with one array per column ({@code lines.price}); nothing else of the host.
 * Results come back as {@code null}, Boolean, Double, String, Instant (a JS Date), List or Map.
 */
public final class GuestValues {

    private GuestValues() {
    }

    /** The script-side view of a record value; host objects of other types are refused, never exposed. */
    public static @Nullable Object toGuest(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Proxy alreadyGuest -> alreadyGuest;
            case String s -> s;
            case Boolean b -> b;
            case Number n -> n.doubleValue();
            case Character c -> c.toString();
            case Enum<?> e -> e.name();
            case LocalDateTime t -> t.truncatedTo(ChronoUnit.SECONDS).toString();
            case TemporalAccessor t -> t.toString();
            case Map<?, ?> row -> new RowProxy(row);
            case List<?> list when !list.isEmpty() && list.stream().allMatch(Map.class::isInstance) -> new SubformProxy(list);
            case Collection<?> items -> ProxyArray.fromArray(items.stream().map(GuestValues::toGuest).toArray());
            default -> throw new IllegalArgumentException("Scripts cannot receive a " + value.getClass().getName());
        };
    }

    /** The host copy of a script result; the sandbox has already bounded strings and arrays in size. */
    public static @Nullable Object toHost(Value value) {
        if (value.isNull()) return null;
        if (value.isBoolean()) return value.asBoolean();
        if (value.isNumber()) return value.asDouble();
        if (value.isString()) return value.asString();
        if (value.isInstant()) return value.asInstant();
        if (value.isProxyObject()) return hostOfProxy(value);
        if (value.hasArrayElements()) {
            List<@Nullable Object> items = new ArrayList<>((int) value.getArraySize());
            for (long i = 0; i < value.getArraySize(); i++) items.add(toHost(value.getArrayElement(i)));
            return Collections.unmodifiableList(items);
        }
        String type = value.getMetaObject() == null ? "value" : value.getMetaObject().getMetaSimpleName();
        if (value.canExecute() || !"Object".equals(type)) {
            throw new IllegalArgumentException("a " + type + " cannot be returned to the host");
        }
        Map<String, @Nullable Object> members = new LinkedHashMap<>();
        for (String key : value.getMemberKeys()) members.put(key, toHost(value.getMember(key)));
        return Collections.unmodifiableMap(members);
    }

    private static @Nullable Object hostOfProxy(Value value) {
        Object proxy = value.asProxyObject();
        if (proxy instanceof RowProxy row) return row.row();
        if (proxy instanceof SubformProxy rows) return rows.rows();
        throw new IllegalArgumentException("an unknown host object cannot be returned");
    }
}
