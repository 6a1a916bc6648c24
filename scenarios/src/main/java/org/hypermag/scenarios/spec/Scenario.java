package org.hypermag.scenarios.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.gpu.GpuMode;

/**
 * A parsed, validated scenario: an immutable description of a simulation (see docs/scenarios.md for the file
 * format). All lengths in m, fields in A/m, times in s.
 *
 * @param name scenario name (default: the file name without extension)
 * @param description free text
 * @param source the file name as given (for messages and metadata)
 * @param baseDir the directory relative paths of the file resolve against (its own directory)
 * @param text the scenario file's text, stored in the output
 * @param domains the domains
 * @param materials one material per region, indexed by region
 * @param exchangeScaling inter-region exchange factors
 * @param interlayer exchange couplings between regions across a spacer ({@code interlayer:})
 * @param initial the initial magnetisation
 * @param stages the stages, in order
 * @param demag the demag method
 * @param integrator integrator settings
 * @param compute threads and GPU
 * @param output output settings
 * @param validation tolerances of {@code hypermag validate} (the documented defaults unless given)
 * @param thermal the temperature and random seed of the whole scenario
 * @param locations where each key of the file is ({@code path -> {line, column}}; short paths only), for problems
 *     found after parsing ({@link #problemAt})
 */
public record Scenario(String name, String description, String source, Path baseDir, String text, Domains domains,
                       List<Material> materials, List<ExchangeScaling> exchangeScaling,
                       List<org.hypermag.solver.magnet.Magnet.Interlayer> interlayer, Initial initial,
                       List<Stage> stages, Demag demag, Integrator integrator, Compute compute, Output output,
                       Validation validation, Thermal thermal, Map<String, int[]> locations) {

    /** Copies the map. */
    public Scenario {
        locations = Map.copyOf(locations);
    }

    /**
     * A problem with a key found after parsing (a model file that does not fit, a run directory that cannot be an
     * initial state, a memory estimate beyond the heap), located at the key or its nearest located parent.
     *
     * @param path the key path, e.g. {@code demag.model}
     * @param message what is wrong and what is expected
     * @return the problem, with file:line:column
     */
    public Problem problemAt(String path, String message) {
        String p = path;
        while (!p.isEmpty() && !locations.containsKey(p)) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        int[] at = locations.get(p);
        return new Problem(source, at == null ? 0 : at[0], at == null ? 0 : at[1], path, message);
    }

    /**
     * @param d another demag method
     * @return this scenario with that demag method (the text is unchanged)
     */
    public Scenario withDemag(Demag d) {
        return new Scenario(name, description, source, baseDir, text, domains, materials, exchangeScaling, interlayer, initial,
                stages, d, integrator, compute, output, validation, thermal, locations);
    }

    /**
     * @param c other compute settings (e.g. from {@code --gpu})
     * @return this scenario with them (the text is unchanged)
     */
    public Scenario withCompute(Compute c) {
        return new Scenario(name, description, source, baseDir, text, domains, materials, exchangeScaling, interlayer, initial,
                stages, demag, integrator, c, output, validation, thermal, locations);
    }

    /**
     * This scenario with another demag method whose text says so: the text's top-level {@code demag:} entry is
     * replaced by (or, if absent, completed with) {@code demag: flowValue}, everything else kept as written. A run of
     * it stores that text (scenario.yaml, the checkpoint), so {@code run --resume} continues with this method.
     *
     * @param d the demag method, as {@code flowValue} describes it
     * @param flowValue the {@code demag:} value in YAML flow style, e.g. {@code {method: exact}}; a relative model
     *     path in it resolves against the directory of the file the text is saved to
     * @param comment a comment for the end of that line, or null
     * @return the scenario
     */
    public Scenario withDemag(Demag d, String flowValue, String comment) {
        String t = ScenarioText.replaceTopLevel(text, "demag", flowValue, comment);
        return new Scenario(name, description, source, baseDir, t, domains, materials, exchangeScaling, interlayer, initial,
                stages, d, integrator, compute, output, validation, thermal, locations);
    }

    /**
     * @param i other integrator settings
     * @return this scenario with them (the text is unchanged)
     */
    public Scenario withIntegrator(Integrator i) {
        return new Scenario(name, description, source, baseDir, text, domains, materials, exchangeScaling, interlayer, initial,
                stages, demag, i, compute, output, validation, thermal, locations);
    }

    /**
     * This scenario with a given thermal seed, written into its text as {@code seed: N} (so that runs of it, and
     * their resumes, use it).
     *
     * @param seed the seed, 0 to 999999999999999999
     * @param comment a comment for the end of that line, or null
     * @return the scenario
     */
    public Scenario withThermalSeed(long seed, String comment) {
        String t = ScenarioText.replaceTopLevel(text, "seed", Long.toString(seed), comment);
        return new Scenario(name, description, source, baseDir, t, domains, materials, exchangeScaling, interlayer, initial,
                stages, demag, integrator, compute, output, validation, new Thermal(thermal.temperature(), seed),
                locations);
    }

    /**
     * The temperature of a stage: its own, else the scenario's, else 0 K; null for a relaxation (always
     * deterministic).
     *
     * @param stage a stage of this scenario
     * @return the temperature protocol in stage time, or null
     */
    public org.hypermag.solver.field.Temperature temperatureOf(Stage stage) {
        org.hypermag.solver.field.Temperature own = stage instanceof Run r ? r.temperature()
                : stage instanceof Hysteresis h ? h.temperature() : null;
        if (stage instanceof Relax) {
            return null;
        }
        return own != null ? own : thermal.temperature() != null ? thermal.temperature()
                : org.hypermag.solver.field.Temperature.constant(0);
    }

    /**
     * @param stage a stage of this scenario
     * @return the highest temperature (K) any domain reaches in it: its protocol's maximum, or a region's own
     *     {@code temperature}; 0 for a relaxation
     */
    public double hottest(Stage stage) {
        org.hypermag.solver.field.Temperature t = temperatureOf(stage);
        if (t == null) {
            return 0;
        }
        double max = t.max();
        for (org.hypermag.solver.magnet.Material mat : materials) {
            if (mat.isSet(org.hypermag.solver.field.ThermalField.TEMPERATURE)) {
                max = Math.max(max, mat.get(org.hypermag.solver.field.ThermalField.TEMPERATURE));
            }
        }
        return max;
    }

    /**
     * @return whether some run or hysteresis stage can be above 0 K (its temperature, or a region's own
     *     {@code temperature})
     */
    public boolean isThermal() {
        for (Material mat : materials) {
            if (mat.isSet(org.hypermag.solver.field.ThermalField.TEMPERATURE)
                    && mat.get(org.hypermag.solver.field.ThermalField.TEMPERATURE) > 0
                    && stages.stream().anyMatch(st -> !(st instanceof Relax))) {
                return true;
            }
        }
        for (Stage st : stages) {
            org.hypermag.solver.field.Temperature t = temperatureOf(st);
            if (t != null && !t.isZero()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The temperature and random numbers of a scenario.
     *
     * @param temperature the scenario's temperature (top-level {@code temperature}), or null for 0 K
     * @param seed the seed of the thermal field's random numbers ({@code seed}), or null to draw one at the start
     *     of a run (recorded in the run's files and checkpoint)
     */
    public record Thermal(org.hypermag.solver.field.Temperature temperature, Long seed) {
        /** The largest seed a scenario may give (18 decimal digits). */
        public static final long MAX_SEED = 999_999_999_999_999_999L;

        /** @return a seed drawn from the system's entropy source, 0 to {@link #MAX_SEED} */
        public static long drawSeed() {
            return Math.floorMod(new java.security.SecureRandom().nextLong(), MAX_SEED + 1);
        }
    }

    /**
     * The domains, generated and checked by the parser.
     *
     * @param prisms the domains
     * @param regions region of each domain
     * @param grid the grid when the domains are cells of one, else null
     * @param gridCells grid cell of each domain, or null when the domains are all cells in order (or not on a grid)
     * @param summary one line describing the geometry
     * @param seed the random seed of a generated geometry, or null
     */
    public record Domains(Prisms prisms, int[] regions, RegularGrid grid, int[] gridCells, String summary, Long seed) {
        /** @return the number of domains */
        public int size() {
            return prisms.size();
        }
    }

    /**
     * @param region1 a region
     * @param region2 another region
     * @param factor scaling of the harmonic-mean exchange between them
     */
    public record ExchangeScaling(int region1, int region2, double factor) {
    }

    /** The initial magnetisation. */
    public sealed interface Initial permits Uniform, RandomDirections, Vortex, FromRun, FromOvf, Skyrmion, TwoDomain,
            PerRegion {
    }

    /**
     * An isolated skyrmion in the x-y plane: m_z = polarity · cos θ(r), θ(r) = 2 arctan(exp((r − radius)/width)), so
     * m_z = 0 at the radius, and the in-plane part sin θ(r) along the radial direction turned by the helicity.
     *
     * @param cx centre x (m)
     * @param cy centre y (m)
     * @param radius where m_z = 0 (m)
     * @param width the wall width parameter (m)
     * @param polarity +1 core along +z (background −z), −1 the reverse
     * @param helicity angle of the in-plane part from the outward radius (rad): 0 or π Néel, ±π/2 Bloch
     */
    public record Skyrmion(double cx, double cy, double radius, double width, int polarity, double helicity)
            implements Initial {
    }

    /**
     * Two domains on either side of a plane normal to a coordinate axis, joined by a wall: m turns from {@code first}
     * to {@code second} through {@code middle} (the wall's centre direction) with the profile
     * θ(s) = 2 arctan(exp(s/width)), s the distance past the plane; a sharp boundary when width is 0.
     *
     * @param axis the plane's normal: 0 x, 1 y, 2 z
     * @param position where the plane cuts the axis (m)
     * @param first m on the − side
     * @param second m on the + side
     * @param middle m at the wall's centre (perpendicular to first)
     * @param width wall width parameter (m), 0 for a sharp boundary
     */
    public record TwoDomain(int axis, double position, double[] first, double[] second, double[] middle, double width)
            implements Initial {
    }

    /**
     * One initial state per region: each entry sets the domains of its region (or, without a region, all domains;
     * later entries win).
     *
     * @param entries the states, in order
     */
    public record PerRegion(List<RegionState> entries) implements Initial {
    }

    /**
     * @param region the region it applies to, or −1 for every domain
     * @param state the state (not itself per region)
     */
    public record RegionState(int region, Initial state) {
    }

    /** @param direction the direction (normalised on use) */
    public record Uniform(double[] direction) implements Initial {
    }

    /** @param seed random seed; directions uniform on the sphere */
    public record RandomDirections(long seed) implements Initial {
    }

    /**
     * A vortex: magnetisation circulating around a core line along a coordinate axis (z: in-plane circulation with a
     * perpendicular core), the core pointing along the axis.
     *
     * @param cx the core's first coordinate (m): x for axis z, y for axis x, z for axis y
     * @param cy the core's second coordinate (m): y for axis z, z for axis x, x for axis y
     * @param circulation +1 counter-clockwise seen from the + side of the axis, −1 clockwise
     * @param polarity +1 core along the + axis, −1 along −
     * @param coreRadius core radius (m)
     * @param axis the core's axis: 0 x, 1 y, 2 z
     */
    public record Vortex(double cx, double cy, int circulation, int polarity, double coreRadius, int axis)
            implements Initial {
    }

    /**
     * A frame of an earlier run's output.
     *
     * @param directory the run's output directory
     * @param frame frame index, or −1 for the last
     */
    public record FromRun(Path directory, int frame) implements Initial {
    }

    /**
     * A state from an OVF file (OOMMF's .omf, mumax3's .ovf) on a grid of the same mesh.
     *
     * @param file the OVF file
     */
    public record FromOvf(Path file) implements Initial {
    }

    /** A stage of the simulation. */
    public sealed interface Stage permits Relax, Run, Hysteresis {
        /** @return the stage kind: relax, run or hysteresis */
        String kind();
    }

    /**
     * Energy minimisation.
     *
     * @param field applied field (constant; its value at 0 is used), or null
     * @param torqueTolerance stop at max |m × H| ≤ this (A/m)
     * @param maxIterations iteration limit
     */
    public record Relax(Field field, double torqueTolerance, int maxIterations) implements Stage {
        /** Default iteration limit of a relaxation. */
        public static final int DEFAULT_MAX_ITERATIONS = 200_000;

        @Override
        public String kind() {
            return "relax";
        }
    }

    /**
     * Time evolution.
     *
     * @param duration length (s)
     * @param field applied field in stage time, or null
     * @param temperature the stage's own temperature in stage time, or null for the scenario's
     * @param current the electric current density in stage time (A/m²), or null for none
     * @param currentRegions the regions the current flows in, or null for all
     */
    public record Run(double duration, Field field, org.hypermag.solver.field.Temperature temperature,
                      org.hypermag.solver.field.AppliedField current, List<Integer> currentRegions)
            implements Stage {
        @Override
        public String kind() {
            return "run";
        }
    }

    /**
     * A hysteresis branch or loop: the field steps linearly from {@code from} to {@code to} (and back if
     * {@code returning}). Quasi-static (relaxing at each step) without a rate; with a rate the field is swept
     * linearly in time at μ0 |dH/dt| = rate between the points and the LLG equation integrated (at T &gt; 0 always).
     *
     * @param from start field (A/m)
     * @param to end field (A/m)
     * @param steps field steps from start to end (the start counts as step 0)
     * @param returning whether to come back to the start field
     * @param torqueTolerance relaxation tolerance (A/m)
     * @param maxIterations iteration limit of each field point's relaxation
     * @param frames whether to write a frame at every field step
     * @param temperature the stage's own temperature in stage time, or null for the scenario's
     * @param rate the sweep rate μ0 |dH/dt| (T/s), or NaN for a quasi-static loop
     */
    public record Hysteresis(double[] from, double[] to, int steps, boolean returning, double torqueTolerance,
                             int maxIterations, boolean frames, org.hypermag.solver.field.Temperature temperature,
                             double rate) implements Stage {
        @Override
        public String kind() {
            return "hysteresis";
        }

        /** @return the number of field points (steps + 1, or 2·steps + 1 with the return) */
        public int points() {
            return returning ? 2 * steps + 1 : steps + 1;
        }

        /** @return whether the field is swept in time (a rate is given) rather than relaxed point by point */
        public boolean swept() {
            return !Double.isNaN(rate);
        }

        /**
         * @param k a point after the first
         * @return the time the sweep takes from point k − 1 to point k (s)
         */
        public double sweepTime(int k) {
            double[] a = fieldAt(k - 1), b = fieldAt(k);
            double d = Math.sqrt(Math.pow(b[0] - a[0], 2) + Math.pow(b[1] - a[1], 2) + Math.pow(b[2] - a[2], 2));
            return org.hypermag.solver.Constants.MU0 * d / rate;
        }

        /**
         * @param k point index
         * @return the field at point k (A/m)
         */
        public double[] fieldAt(int k) {
            double s = k <= steps ? (double) k / steps : (double) (2 * steps - k) / steps;
            return new double[] {from[0] + s * (to[0] - from[0]), from[1] + s * (to[1] - from[1]),
                from[2] + s * (to[2] - from[2])};
        }
    }

    /**
     * An applied field protocol.
     *
     * @param field the protocol (A/m)
     * @param description how it was given, for logs
     */
    public record Field(AppliedField field, String description) {
    }

    /**
     * The demag method and its settings.
     *
     * @param provider the method ({@link DemagMethods})
     * @param settings its settings, validated against its declarations
     */
    public record Demag(DemagProvider provider, DemagSettings settings) {
        /** @return the method's name, as the scenario names it */
        public String method() {
            return provider.name();
        }

        /**
         * @param name a method
         * @return it with its default settings
         */
        public static Demag of(String name) {
            DemagProvider p = DemagMethods.byName(name);
            return new Demag(p, DemagSettings.defaults(p));
        }
    }

    /** Integrator kinds. */
    public enum IntegratorMethod {
        /** Adaptive Dormand–Prince 5(4). */
        DORMAND_PRINCE,
        /** Fixed-step Heun. */
        HEUN,
        /**
         * Classical Runge–Kutta: fixed step when {@link Integrator#step()} is set, else adaptive RK4(3) (an embedded
         * third-order estimate through a first-same-as-last stage, four evaluations per step).
         */
        RK4,
        /** Adaptive Bogacki–Shampine 3(2), the default at T &gt; 0. */
        BOGACKI_SHAMPINE,
        /** Adaptive Fehlberg 5(4) with local extrapolation (OOMMF's rkf54). */
        FEHLBERG,
        /**
         * Adaptive six-stage fourth-order RK4(3)6, stable along precession with α = 0.02 to |λΔt| = 4.76 (0.79 per
         * evaluation against RK4's 0.72): for low-damping dynamics on exchange-stiff grids.
         */
        RK46,
        /**
         * Adaptive partitioned PRK4(3)8: the local terms on eight stages, the demag on four, order 4 in both; for
         * grids where the demag costs many local evaluations (FFT demag on an exchange-stiff grid).
         */
        PRK48,
        /**
         * Adaptive partitioned PRK4(3)10: the local terms on ten stages, the demag on four, order 4 in both; more reach
         * per demag evaluation than {@link #PRK48} where the fastest spin wave holds the step.
         */
        PRK410;

        /** @return whether the method evaluates the demag on some of its stages only (prk48, prk410) */
        public boolean isPartitioned() {
            return this == PRK48 || this == PRK410;
        }

        /** @return the method's key in a scenario file */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /**
         * @param key a method's key in a scenario file ({@link #key()})
         * @return the method
         * @throws IllegalArgumentException for a key no method has
         */
        public static IntegratorMethod of(String key) {
            for (IntegratorMethod method : values()) {
                if (method.key().equals(key)) {
                    return method;
                }
            }
            throw new IllegalArgumentException("no integrator method " + key);
        }
    }

    /**
     * @param method the integrator
     * @param tolerance error tolerance per step (rad), adaptive only
     * @param maxStep largest step (s), adaptive only (infinite: none)
     * @param step fixed step (s), Heun and fixed RK4 only (NaN: adaptive)
     */
    public record Integrator(IntegratorMethod method, double tolerance, double maxStep, double step) {
        /** Without an {@code integrator:} key: Dormand–Prince 5(4) at the stepper's default tolerance, no step cap. */
        public static final Integrator DEFAULT = new Integrator(IntegratorMethod.DORMAND_PRINCE,
                org.hypermag.integrators.RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY, Double.NaN);
        /** Without an {@code integrator:} key at T &gt; 0: Bogacki–Shampine 3(2) at tolerance 1e-5 rad, no cap. */
        public static final Integrator THERMAL_DEFAULT = new Integrator(IntegratorMethod.BOGACKI_SHAMPINE,
                org.hypermag.integrators.RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY, Double.NaN);
        /** Most fixed steps a scenario's run stages may take. */
        public static final long MAX_FIXED_STEPS = 10_000_000_000L;
    }

    /**
     * @param threads worker threads (0: one per processor)
     * @param gpu GPU use
     * @param gpuPrecision arithmetic of the GPU kernels
     */
    public record Compute(int threads, GpuMode gpu, org.hypermag.solver.gpu.Precision gpuPrecision) {
        /** Most worker threads a scenario or command may ask for. */
        public static final int MAX_THREADS = org.hypermag.solver.parallel.WorkerPool.MAX_THREADS;

        /**
         * @param threads worker threads (0: one per processor)
         * @param gpu GPU use, in single precision
         */
        public Compute(int threads, GpuMode gpu) {
            this(threads, gpu, org.hypermag.solver.gpu.Precision.SINGLE);
        }

        /**
         * @param g another GPU use
         * @return these settings with it
         */
        public Compute withGpu(GpuMode g) {
            return new Compute(threads, g, gpuPrecision);
        }

        /**
         * @param p another precision
         * @return these settings with it
         */
        public Compute withGpuPrecision(org.hypermag.solver.gpu.Precision p) {
            return new Compute(threads, gpu, p);
        }
    }

    /** Per-domain fields that frames can hold besides m. */
    public enum FrameField {
        /** Unit magnetisation. */
        M,
        /** Demagnetising field (A/m). */
        DEMAG_FIELD,
        /** Effective field (A/m). */
        EFFECTIVE_FIELD,
        /** Energy densities of the terms (J/m³). */
        ENERGY_DENSITY
    }

    /**
     * @param directory output directory (null: out/NAME; --out overrides)
     * @param tableInterval time between table rows in run stages (s)
     * @param frameInterval time between frames in run stages (s); 0: frames only at stage ends
     * @param fields what frames hold
     * @param float64 whether frames are stored in double precision (else float32)
     * @param checkpointInterval wall-clock time between checkpoints (s)
     * @param maxRows most table rows a run may write (a scenario asking for more is refused before it runs)
     * @param maxFrames most frames a run may write
     * @param ovfFormat OVF snapshots beside the HDF5 frames ({@code formats: [h5, ovf]}) in this data format
     *     ({@code b4}, {@code b8}, {@code text}), or null for none
     * @param interpolatedEnergies whether a row inside an adaptive step takes its energies and largest torque from
     *     the step's ends ({@code table_energies: interpolated}, the default) instead of a field evaluation at its
     *     interpolated state ({@code evaluated})
     */
    public record Output(Path directory, double tableInterval, double frameInterval, Set<FrameField> fields,
                         boolean float64, double checkpointInterval, long maxRows, long maxFrames, String ovfFormat,
                         boolean interpolatedEnergies) {
        /** Default bound on table rows. */
        public static final long DEFAULT_MAX_ROWS = 10_000_000L;
        /** Default bound on frames. */
        public static final long DEFAULT_MAX_FRAMES = 100_000L;
    }

    /**
     * Tolerances of {@code hypermag validate}: how far the surrogate path may be from the exact one (docs/scenarios.md,
     * key {@code validation}). {@code Double.POSITIVE_INFINITY} means not checked (only reported).
     *
     * @param fieldErrorMedian median over domains of |H_s − H_e| / |H_e|, at every frame
     * @param fieldErrorL2 relative L2 error of the field, at every frame
     * @param fieldErrorMax largest |H_s − H_e| / |H_e| of a domain, at every frame
     * @param zeroCrossingTime first zero crossings of ⟨mx⟩, ⟨my⟩, ⟨mz⟩ in a run stage (s)
     * @param finalM each component of ⟨m⟩ at the end of a run or relax stage
     * @param coerciveField coercive fields of a hysteresis stage (A/m)
     * @param remanence remanences of a hysteresis stage
     * @param energy relative difference of the final total energy of a relax stage
     * @param stateDifference mean over domains of |m_s − m_e| at the end of a relax stage
     * @param maxMDivergence largest |m_s − m_e| of a domain, at every frame
     */
    public record Validation(double fieldErrorMedian, double fieldErrorL2, double fieldErrorMax,
                             double zeroCrossingTime, double finalM, double coerciveField, double remanence,
                             double energy, double stateDifference, double maxMDivergence) {
        /** The defaults (docs/scenarios.md). */
        public static final Validation DEFAULT = new Validation(0.01, 0.01, Double.POSITIVE_INFINITY, 3e-12, 0.01,
                8e3, 0.02, 0.01, 0.05, Double.POSITIVE_INFINITY);
    }
}
