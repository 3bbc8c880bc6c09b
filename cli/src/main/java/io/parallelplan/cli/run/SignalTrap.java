package io.parallelplan.cli.run;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Catches SIGINT and SIGTERM for the duration of a run, so the driver can stop its attempts, save the ledger and
 * exit 130 itself instead of the JVM dying at once; {@link #close()} puts the previous handlers back.
 *
 * <p>Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}) through reflection, so the build stays free of
 * internal-API warnings; where it is missing, a shutdown hook does the same work and then halts with 130. A signal
 * that was ignored when the JVM started (a background job of a non-interactive shell ignores SIGINT) stays ignored:
 * send SIGTERM to such a runner.
 */
public final class SignalTrap implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final List<Runnable> undo = new ArrayList<>();

    private SignalTrap() {}

    /**
     * Installs the handlers.
     *
     * @param onSignal called with the signal's name ({@code INT}, {@code TERM}) on a JVM thread; it must only hand
     *     the news to the driver thread
     * @param hookFallback when signals cannot be caught, called from a shutdown hook; it must return only when the
     *     run is saved (the JVM then halts with 130)
     */
    public static SignalTrap install(Consumer<String> onSignal, Runnable hookFallback) {
        SignalTrap trap = new SignalTrap();
        if (!trap.installSignalHandlers(onSignal)) {
            Thread hook = new Thread(() -> {
                hookFallback.run();
                Runtime.getRuntime().halt(130);
            }, "parallel-plan-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            trap.undo.add(() -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or has run.
                }
            });
        }
        return trap;
    }

    private boolean installSignalHandlers(Consumer<String> onSignal) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handlerType);
            Method getName = signal.getMethod("getName");
            // The handler is a lambda made at run time (a Proxy class would be generated and linked anew at every
            // start; a lambda's class is kept in the class-data sharing archive): handle(Signal) calls deliver.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodType handleType = MethodType.methodType(void.class, signal);
            Object handler = LambdaMetafactory.metafactory(lookup, "handle",
                            MethodType.methodType(handlerType, Consumer.class, Method.class), handleType,
                            lookup.findStatic(SignalTrap.class, "deliver",
                                    MethodType.methodType(void.class, Consumer.class, Method.class, Object.class)),
                            handleType)
                    .getTarget().invoke(onSignal, getName);
            for (String name : SIGNALS) {
                Object sig = signal.getConstructor(String.class).newInstance(name);
                Object previous = handle.invoke(null, sig, handler);
                undo.add(() -> {
                    try {
                        handle.invoke(null, sig, previous);
                    } catch (ReflectiveOperationException e) {
                        // Leave ours in place: it only queues a message.
                    }
                });
            }
            return true;
        } catch (Exception | LinkageError e) {
            // Not there (another JVM), or not allowed: the shutdown hook does the work.
            undo.forEach(Runnable::run);
            undo.clear();
            return false;
        } catch (Throwable e) {
            // Only the lambda's creation declares Throwable; what else it could throw is an Error.
            throw (Error) e;
        }
    }

    /** A caught signal: its name goes to the driver. */
    private static void deliver(Consumer<String> onSignal, Method getName, Object signal)
            throws ReflectiveOperationException {
        onSignal.accept((String) getName.invoke(signal));
    }

    @Override
    public void close() {
        undo.forEach(Runnable::run);
        undo.clear();
    }
}
