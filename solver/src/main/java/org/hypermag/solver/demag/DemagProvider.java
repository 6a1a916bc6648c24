package org.hypermag.solver.demag;

import java.util.List;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.magnet.Magnet;

/**
 * A demag method, as the {@code demag: {method: NAME, ...}} key names it: what it is called, its settings, the
 * geometries it accepts, and how it builds a {@link DemagField} on a device. The list of providers is the only place
 * that knows the methods; {@code run}, {@code validate}, {@code check} and {@code field} all go through it.
 */
public interface DemagProvider {

    /** @return the method's name, the value of {@code demag.method} */
    String name();

    /** @return one line describing the method */
    String doc();

    /** @return its settings (keys under {@code demag:} besides {@code method}), in documentation order */
    List<DemagSetting> settings();

    /**
     * Checks, without building anything costly, whether the method can serve these domains with these settings:
     * everything {@code run} would refuse before simulating (geometry it cannot represent, a model file that is
     * missing, unreadable or does not fit, sizes beyond what can be allocated).
     *
     * @param magnet the domains
     * @param settings the settings
     * @return null if it can, else why not (one sentence, with what to do)
     */
    String unsupported(Magnet magnet, DemagSettings settings);

    /**
     * The memory the method needs for these domains, estimated before anything is allocated, so that a scenario too
     * large for the heap is refused at once with the estimate rather than failing after minutes.
     *
     * @param magnet the domains
     * @param settings the settings
     * @return bytes, an upper estimate (0 for none)
     */
    long estimateBytes(Magnet magnet, DemagSettings settings);

    /**
     * @param magnet the domains
     * @return whether any part of the method would run on a GPU for them (decides whether {@code gpu: auto} probes
     *     for one)
     */
    boolean hasGpuKernel(Magnet magnet);

    /**
     * Builds the demagnetising field among the domains.
     *
     * @param request the domains, settings, device and threads
     * @return the field, or null for a method without a field ({@code none})
     * @throws IllegalArgumentException if the method cannot serve the domains ({@link #unsupported})
     */
    DemagField build(DemagRequest request);

    /**
     * Builds the field of prisms at arbitrary points (the {@code field} command).
     *
     * @param sources the prisms
     * @param x points x (m)
     * @param y points y (m)
     * @param z points z (m)
     * @param request settings, device and threads ({@code request.magnet()} is ignored and may be null)
     * @return the field; {@link DemagField#addField} takes M of the sources and adds H at the points
     * @throws IllegalArgumentException if the method cannot evaluate at points, or not these
     */
    DemagField atPoints(Prisms sources, double[] x, double[] y, double[] z, DemagRequest request);
}
