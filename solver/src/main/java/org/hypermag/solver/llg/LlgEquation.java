package org.hypermag.solver.llg;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.StochasticField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;
import org.hypermag.solver.math.LocalSimd;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The Landau–Lifshitz–Gilbert equation in Landau–Lifshitz form:
 * dm/dt = −γ/(1+α²) [m × H + α m × (m × H)] + Σ torques, with γ (m/(A·s)) and α per domain and H = H_eff (A/m).
 *
 * <p>Torques that are not fields (spin-transfer, spin-orbit) are added after the precession and damping
 * ({@link Torque}). Terms and torques that must know the time step ({@link StepAware}) are told by the stepper
 * through {@link #beginStep} and {@link #endStep}.
 *
 * <p>Each evaluation also records the largest torque max_i |m_i × H_i| (A/m) and keeps H_eff, for step control,
 * stopping criteria and output. Not thread-safe.
 */
public final class LlgEquation implements Dynamics {
    /** Gilbert damping α (dimensionless), &ge; 0; scenario files must give it (programs default to 0). */
    public static final Parameter ALPHA = Parameter.nonNegative("alpha", "1", "Gilbert damping", 0)
            .requiredInFiles();
    /**
     * Gyromagnetic ratio γ (m/(A·s)), &gt; 0, in OOMMF's convention dm/dt = −γ m × H with H in A/m; mumax3's γ in
     * rad/(T·s) is this divided by μ0. Default {@link Constants#GAMMA_OOMMF}.
     */
    public static final Parameter GAMMA = Parameter.positive("gamma", "m/(A s)",
            "gyromagnetic ratio in OOMMF's convention (mumax3's GammaLL in rad/(T s) times mu0)",
            Constants.GAMMA_OOMMF);
    /** The parameters of the equation itself. */
    public static final List<Parameter> PARAMETERS = List.of(ALPHA, GAMMA);

    private final EffectiveField field;
    private final Torque[] torques;
    private final StepAware[] stepAware;
    private final StochasticField[] stochastic;
    private final double[] precession;
    private final double[] damping;
    private final VectorField h;
    /** The long-range part of the field of the last {@link #longRangeSplit} (allocated on its first call). */
    private VectorField hLong;
    private double lastMaxTorque;

    /**
     * @param magnet the system (γ and α per domain)
     * @param field the effective field
     */
    public LlgEquation(Magnet magnet, EffectiveField field) {
        this(magnet, field, List.of());
    }

    /**
     * @param magnet the system (γ and α per domain)
     * @param field the effective field
     * @param torques torques added to the precession and damping (may be empty)
     */
    public LlgEquation(Magnet magnet, EffectiveField field, List<Torque> torques) {
        this(magnet, field, torques, null);
    }

    /**
     * @param magnet the system (γ and α per domain)
     * @param field the effective field
     * @param torques torques added to the precession and damping (may be empty)
     * @param pool threads the precession and damping are split over where {@link WorkerPool#splitsLocalLoop} says so
     *     (the same bits on any thread), or null for the calling thread alone
     */
    public LlgEquation(Magnet magnet, EffectiveField field, List<Torque> torques, WorkerPool pool) {
        this.pool = pool;
        if (field.size() != magnet.size()) {
            throw new IllegalArgumentException("effective field has " + field.size() + " domains, the magnet "
                    + magnet.size());
        }
        this.field = field;
        this.torques = torques.toArray(new Torque[0]);
        List<StepAware> aware = new ArrayList<>();
        List<StochasticField> random = new ArrayList<>();
        for (FieldTerm term : field.terms()) {
            if (term instanceof StepAware s) {
                aware.add(s);
            }
            if (term instanceof StochasticField r) {
                random.add(r);
            }
        }
        stochastic = random.toArray(new StochasticField[0]);
        for (Torque t : this.torques) {
            if (t instanceof StepAware s) {
                aware.add(s);
            }
        }
        stepAware = aware.toArray(new StepAware[0]);
        int n = magnet.size();
        double[] alpha = magnet.perDomain(ALPHA), gamma = magnet.perDomain(GAMMA);
        precession = new double[n];
        damping = new double[n];
        for (int i = 0; i < n; i++) {
            double a = alpha[i];
            precession[i] = -gamma[i] / (1 + a * a);
            damping[i] = a;
        }
        h = new VectorField(n);
    }

    @Override
    public int size() {
        return h.size();
    }

    /** @return the effective field */
    public EffectiveField effectiveField() {
        return field;
    }

    /** @return the torques besides precession and damping */
    public List<Torque> torques() {
        return List.of(torques);
    }

    /** @return H_eff (A/m) of the last evaluation (owned by this object; overwritten by the next) */
    public VectorField lastField() {
        return h;
    }

    /** @return max_i |m_i × H_i| (A/m) of the last evaluation */
    public double lastMaxTorque() {
        return lastMaxTorque;
    }

    /**
     * dm/dt of the whole field, random part included, in one pass (the random field added to H before the torque):
     * equal to {@link #deterministicDerivative} + {@link #addStochastic} up to rounding.
     */
    @Override
    public void derivative(double t, VectorField m, VectorField dmdt) {
        fromField(t, m, dmdt, true);
    }

    /**
     * The precession, damping and torques of the deterministic terms; {@link #lastField()} is their field and
     * {@link #lastMaxTorque()} their largest torque.
     */
    @Override
    public void deterministicDerivative(double t, VectorField m, VectorField dmdt) {
        fromField(t, m, dmdt, false);
    }

    /** dm/dt from H_eff (with or without the random terms) and the extra torques; keeps H and the largest torque. */
    private void fromField(double t, VectorField m, VectorField dmdt, boolean withRandom) {
        if (withRandom) {
            field.compute(t, m, h);
        } else {
            field.computeDeterministic(t, m, h);
        }
        derivativeFromLastField(t, m, dmdt);
    }

    /**
     * dm/dt from the field of the last evaluation ({@link #lastField()}) and the extra torques: what that evaluation
     * returned when m is the state it was at (e.g. to have dm/dt at the end of a step without keeping the stage).
     *
     * @param t time (s)
     * @param m magnetisation
     * @param dmdt receives dm/dt (1/s)
     */
    public void derivativeFromLastField(double t, VectorField m, VectorField dmdt) {
        lastMaxTorque = torque(m, h, dmdt);
        for (Torque extra : torques) {
            extra.addTorque(t, m, h, dmdt);
        }
    }

    /**
     * dm/dt of the deterministic field and the precession and damping of its long-range part, from one evaluation of
     * every term ({@link EffectiveField#computeSplit}): {@link #lastField()} is the whole deterministic field and
     * {@link #lastMaxTorque()} its largest torque, as after {@link #deterministicDerivative}. The extra torques go
     * with the local part (they do not depend on H).
     */
    @Override
    public void longRangeSplit(double t, VectorField m, VectorField dmdt, VectorField longRange) {
        if (hLong == null) {
            hLong = new VectorField(h.size());
        }
        field.computeSplit(t, m, h, hLong);
        derivativeFromLastField(t, m, dmdt);
        torque(m, hLong, longRange, false);
    }

    /**
     * dm/dt of the local terms and the extra torques, without the long-range term (no demag evaluation):
     * {@link #lastField()} then holds the local field alone and {@link #lastMaxTorque()} its largest torque.
     */
    @Override
    public void localDerivative(double t, VectorField m, VectorField dmdt) {
        field.computeLocal(t, m, h);
        derivativeFromLastField(t, m, dmdt);
    }

    /** @return whether a random term (the thermal field) is on in the current stage */
    @Override
    public boolean isStochastic() {
        for (StochasticField r : stochastic) {
            if (r.isActive()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the precession and damping of the random fields drawn for the current step attempt: the LLG right-hand
     * side is linear in H, so this is the torque of H_det + H_th less that of H_det.
     */
    @Override
    public void addStochastic(double t, VectorField m, VectorField dmdt) {
        for (StochasticField r : stochastic) {
            if (r.hasDraw()) {
                addTorque(m, r.drawn(), dmdt);
            }
        }
    }

    @Override
    public boolean beginStep(double t, double dt) {
        boolean changed = false;
        for (StepAware s : stepAware) {
            changed |= s.beginStep(t, dt);
        }
        return changed;
    }

    @Override
    public void endStep(double t, double dt, boolean accepted) {
        for (StepAware s : stepAware) {
            s.endStep(t, dt, accepted);
        }
    }

    /**
     * Computes the precession and damping dm/dt from a given effective field (overwrites dmdt; the extra torques
     * are not included).
     *
     * @param m magnetisation
     * @param heff effective field (A/m)
     * @param dmdt receives dm/dt (1/s)
     * @return max_i |m_i × H_i| (A/m)
     */
    public double torque(VectorField m, VectorField heff, VectorField dmdt) {
        return torque(m, heff, dmdt, false);
    }

    /** Adds the precession and damping of a field h to dmdt. */
    private void addTorque(VectorField m, VectorField h, VectorField dmdt) {
        torque(m, h, dmdt, true);
    }

    @Override
    public WorkerPool pool() {
        return pool;
    }

    private double torque(VectorField m, VectorField heff, VectorField dmdt, boolean add) {
        int n = m.size();
        if (!WorkerPool.splitsLocalLoop(pool, n)) {
            return Math.sqrt(torque(m, heff, dmdt, add, 0, n));
        }
        if (chunkMax == null) {
            grain = pool.localGrain(n);
            chunkMax = new double[(n + grain - 1) / grain];
        }
        java.util.Arrays.fill(chunkMax, 0); // the pool may run it all as one chunk
        currentM = m;
        currentH = heff;
        currentD = dmdt;
        currentAdd = add;
        try {
            pool.forRange(n, grain, chunks);
        } finally {
            currentM = null;
            currentH = null;
            currentD = null;
        }
        double max2 = 0;
        for (double c : chunkMax) {
            max2 = Math.max(max2, c);
        }
        return Math.sqrt(max2);
    }

    private final WorkerPool pool;
    /** The chunk of the parallel torque (domains), set with {@link #chunkMax}. */
    private int grain;
    private final WorkerPool.RangeTask chunks = this::torqueChunk;
    /** Per chunk of {@link #grain} domains, the largest |m × H|² of the last parallel torque. */
    private double[] chunkMax;
    /** The arguments of the parallel torque in progress, for the pool's threads. */
    private VectorField currentM, currentH, currentD;
    private boolean currentAdd;

    private void torqueChunk(int from, int to) {
        chunkMax[from / grain] = torque(currentM, currentH, currentD, currentAdd, from, to);
    }

    /** The precession and damping of domains [from, to); returns the largest |m × H|² among them. */
    private double torque(VectorField m, VectorField heff, VectorField dmdt, boolean add, int from, int to) {
        return LocalSimd.torque(m.x, m.y, m.z, heff.x, heff.y, heff.z, dmdt.x, dmdt.y, dmdt.z, precession, damping,
                add, from, to, LocalSimd.VECTOR);
    }
}
