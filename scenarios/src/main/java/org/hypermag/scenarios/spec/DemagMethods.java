package org.hypermag.scenarios.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.demag.DemagRequest;
import org.hypermag.solver.demag.ExactDemagProvider;
import org.hypermag.solver.demag.NoDemagProvider;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuMode;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.SurrogateDemagProvider;

/**
 * The demag methods a scenario can name ({@code demag: {method: NAME}}): the one list of providers. The parser takes
 * the method names and their settings from here, and {@code run}, {@code validate}, {@code check} and {@code field}
 * build through {@link #build} and {@link #chooseDevice}. Adding a method is one provider class and one entry in
 * {@link #ALL}.
 */
public final class DemagMethods {
    /** Every method, the default first. */
    public static final List<DemagProvider> ALL = List.of(ExactDemagProvider.INSTANCE,
            SurrogateDemagProvider.INSTANCE, NoDemagProvider.INSTANCE);

    private DemagMethods() {
    }

    /** @return the method names, in order */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (DemagProvider p : ALL) {
            n.add(p.name());
        }
        return n;
    }

    /**
     * @param name a method name
     * @return its provider
     * @throws IllegalArgumentException naming the methods there are
     */
    public static DemagProvider byName(String name) {
        for (DemagProvider p : ALL) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("demag method must be one of " + String.join(", ", names()) + ", got '"
                + name + "'");
    }

    /**
     * Chooses where a scenario's demagnetising field runs ({@code compute.gpu}). Nothing is probed when no part of
     * the method has a GPU kernel for these domains, unless the scenario says {@code on}.
     *
     * @param s the scenario
     * @param magnet its domains
     * @return the device (null: the CPU) and why
     * @throws org.hypermag.solver.gpu.GpuUnavailableException for {@code on} without an OpenCL GPU
     */
    public static GpuDevices.Choice chooseDevice(Scenario s, Magnet magnet) {
        GpuMode mode = s.compute().gpu();
        DemagProvider p = s.demag().provider();
        if (mode == GpuMode.AUTO && !p.hasGpuKernel(magnet)) {
            return new GpuDevices.Choice(null, "gpu: auto: the CPU (" + (p == NoDemagProvider.INSTANCE ? "no demag"
                    : "the " + p.name() + " demag has no GPU kernel for these domains: on a grid of several layers it "
                    + "is the FFT convolution") + ")");
        }
        return GpuDevices.choose(mode);
    }

    /**
     * @param s the scenario
     * @param magnet its domains
     * @param device from {@link #chooseDevice}
     * @param pool threads
     * @param log one line per setup step
     * @return the request a provider builds from
     */
    public static DemagRequest request(Scenario s, Magnet magnet, GpuDevices.Choice device, WorkerPool pool,
                                       Consumer<String> log) {
        List<java.nio.file.Path> stored = new ArrayList<>();
        stored.add(s.baseDir().resolve("models").resolve(s.name() + ".far-field.h5"));
        java.nio.file.Path shipped = ShippedScenarios.storedModel(s.name(), s.source());
        if (shipped != null) {
            stored.add(shipped);
        }
        return new DemagRequest(magnet, s.demag().settings(), device, s.compute().gpuPrecision(), pool, log,
                new DemagRequest.Origin(s.name(), s.source(), stored));
    }

    /**
     * Builds a scenario's demagnetising field.
     *
     * @param s the scenario
     * @param magnet its domains
     * @param device from {@link #chooseDevice}
     * @param pool threads
     * @param log one line per setup step
     * @return the field, or null for none
     * @throws IllegalArgumentException if the method cannot serve the domains
     */
    public static DemagField build(Scenario s, Magnet magnet, GpuDevices.Choice device, WorkerPool pool,
                                   Consumer<String> log) {
        return s.demag().provider().build(request(s, magnet, device, pool, log));
    }
}
