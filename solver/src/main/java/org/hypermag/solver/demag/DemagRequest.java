package org.hypermag.solver.demag;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * What a demag provider builds from.
 *
 * @param magnet the domains (grid cells or arbitrary prisms)
 * @param settings the method's settings
 * @param device where to run: an OpenCL GPU, or null in the choice for the CPU
 * @param precision arithmetic of GPU kernels
 * @param pool CPU threads
 * @param log one line per setup step (which model is used, fitting progress, device notes)
 * @param scenario where the scenario came from: its name and the files it ships with, for methods that look for
 *     stored data (the surrogate's stored models); may be {@link Origin#NONE}
 */
public record DemagRequest(Magnet magnet, DemagSettings settings, GpuDevices.Choice device, Precision precision,
                           WorkerPool pool, Consumer<String> log, Origin scenario) {

    /**
     * The scenario a demag field is built for.
     *
     * @param name the scenario's name
     * @param source its file as given (for messages)
     * @param storedData files that may hold stored data for it, in order of preference (missing ones are skipped)
     */
    public record Origin(String name, String source, List<Path> storedData) {
        /** No scenario (the field command, tests). */
        public static final Origin NONE = new Origin("", "", List.of());

        /** Copies the list. */
        public Origin {
            storedData = List.copyOf(storedData);
        }
    }

    /**
     * @param magnet the domains
     * @param provider the method, with its default settings
     * @param pool threads
     * @return a CPU request with default settings and no log
     */
    public static DemagRequest onCpu(Magnet magnet, DemagProvider provider, WorkerPool pool) {
        return new DemagRequest(magnet, DemagSettings.defaults(provider), new GpuDevices.Choice(null, "cpu"),
                Precision.SINGLE, pool, line -> { }, Origin.NONE);
    }
}
