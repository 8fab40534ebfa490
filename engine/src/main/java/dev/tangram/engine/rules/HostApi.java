package dev.tangram.engine.rules;

import dev.tangram.engine.rules.internal.EvaluationWatchdog;
import dev.tangram.engine.rules.internal.GuestValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * Host functions exported to scripts on purpose — the only way a script reaches the host. An
 * object made here is passed as an argument of {@link ScriptSandbox#evaluate}; scripts call its
 * members like {@code records.find('item', {...})}. Arguments arrive as host values (null, Boolean,
 * Double, String, List, Map); results go back the same way. Nothing else of the host is visible.
 * Time and memory spent inside a host function do not count against the script's limits.
 */
public final class HostApi {

    /** One exported function. Exceptions it throws fail the script with their message. */
    @FunctionalInterface
    public interface HostFunction {
        @Nullable Object call(List<@Nullable Object> arguments);
    }

    private HostApi() {
    }

    /** A script-side object whose members are {@code functions}; pass it as a script argument. */
    public static Object object(Map<String, HostFunction> functions) {
        Map<String, Object> members = new TreeMap<>();
        functions.forEach((name, function) -> members.put(name, (ProxyExecutable) arguments -> call(function, arguments)));
        return ProxyObject.fromMap(members);
    }

    private static @Nullable Object call(HostFunction function, Value[] arguments) {
        List<@Nullable Object> hostArguments = new ArrayList<>(arguments.length);
        for (Value argument : arguments) {
            hostArguments.add(GuestValues.toHost(argument));
        }
        return GuestValues.toGuest(EvaluationWatchdog.outsideScript(() -> function.call(hostArguments)));
    }
}
