package org.hypermag.surrogate.gpu;

import com.aparapi.device.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.IntegrationException;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.integrators.StepControl;
import org.hypermag.integrators.DenseStepper;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.gpu.DirectSumKernelD;
import org.hypermag.solver.gpu.DirectSumKernelF;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.GpuGridDemag;
import org.hypermag.solver.gpu.GridDemagKernelD;
import org.hypermag.solver.gpu.GridDemagKernelF;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.LlgArrays;
import org.hypermag.solver.gpu.LlgDevice;
import org.hypermag.solver.gpu.LlgPassesF;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.SurrogateParts;

/**
 * Adaptive Dormand–Prince 5(4) steps of the LLG equation with everything on the device ({@link LlgPassesF}): the
 * same method, error norm, step controller and renormalisation as {@link RungeKuttaStepper#dormandPrince} on the CPU
 * (its reference), for magnets whose effective field is exchange, uniaxial and cubic anisotropy, a uniform applied
 * field and a demag with a device kernel among the domains: the far-field surrogate's non-uniform FFTs, the exact FFT
 * convolution of a one-layer grid, or the exact direct sum among prisms ({@link #unsupported} names anything else;
 * the caller then runs the CPU path and says so). The magnetisation, H and the seven stage derivatives stay on the
 * device between steps; per step two
 * numbers per chunk of 256 domains come back (the largest error and torque), and m only when asked
 * ({@link #download}).
 *
 * <p>Not thread-safe; allocates nothing per step.
 */
public final class DeviceLlgStepper implements DenseStepper {
    private static final ButcherTableau DP = ButcherTableau.DORMAND_PRINCE_54;
    private final LlgDevice dev;
    private final KernelPlacement placement;
    private final LlgArrays parts;
    private final int n;
    private final double tolerance, maxStep;
    private final double exponent = 1.0 / (DP.errorOrder() + 1);
    /** Stage s's derivative sits at slot[s]·3n; first same as last swaps slots 0 and 6. */
    private final int[] slot = {0, 1, 2, 3, 4, 5, 6};
    private final int[] offsets = new int[7];
    private final double[] weights = new double[7], field = new double[3], max = new double[2];
    private final double[] errorWeights = new double[7];
    private final String description;
    private final String demagName;
    private final double[] denseD = DenseStepper.dormandPrinceDense();
    /** The extension's stages 1, 3, 4, 5, 6, 7 after the first-same-as-last swap: 1 in k[6], 7 in k[0]. */
    private static final int[] DENSE_STAGES = {6, 2, 3, 4, 5, 0};
    private final int[] denseOffsets = new int[6];
    private int current;
    private boolean k0Valid;
    /** The last accepted step while it can be interpolated in (NaN otherwise). */
    private double denseStep = Double.NaN;
    /** A host copy of the state, downloaded after every accepted step when set. */
    private VectorField mirror;
    /** The PI controller's memory ({@link StepControl#memory}), NaN before the first step. */
    private double previousError = Double.NaN;
    private double nextStep = Double.NaN, lastMaxTorque;
    private long evaluations, rejected, accepted;

    /**
     * @param magnet the system
     * @param field its effective field; {@link #unsupported} must be empty
     * @param tolerance error tolerance per step (rad), as {@link RungeKuttaStepper}'s
     * @param maxStep largest step (s), may be infinite
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning
     */
    public DeviceLlgStepper(Magnet magnet, EffectiveField field, double tolerance, double maxStep, Device target,
                            Precision precision, Consumer<String> report) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance) || !(maxStep > 0)) {
            throw new IllegalArgumentException("tolerance and largest step must be > 0; got " + tolerance + ", "
                    + maxStep);
        }
        List<String> missing = unsupported(field);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the device's LLG step has no kernel for " + String.join(", ", missing));
        }
        parts = new LlgArrays(magnet, field);
        FarFieldSurrogate surrogate = surrogate(field);
        FftDemag grid = grid(field);
        boolean single = precision == Precision.SINGLE;
        if (surrogate != null) {
            NufftLayout layout = new NufftLayout(SurrogateParts.of(surrogate));
            dev = single ? new NufftKernelF(layout, parts) : new NufftKernelD(layout, parts);
            demagName = "the far-field surrogate by non-uniform FFTs";
        } else if (grid != null) {
            dev = single ? new GridDemagKernelF(grid, parts) : new GridDemagKernelD(grid, parts);
            demagName = "the exact FFT convolution";
        } else {
            dev = single ? new DirectSumKernelF(magnet.prisms(), null, null, null, parts)
                    : new DirectSumKernelD(magnet.prisms(), null, null, null, parts);
            demagName = "the exact direct sum";
        }
        GpuDevices.requireMemory(target, dev.deviceBytes(), "the device step with " + demagName);
        placement = KernelPlacement.bind(dev.kernel(), target, report);
        dev.uploadAll();
        n = parts.domains();
        this.tolerance = tolerance;
        this.maxStep = maxStep;
        for (int s = 0; s < 7; s++) {
            errorWeights[s] = DP.b()[s] - DP.bStar()[s];
        }
        description = String.format(Locale.ROOT, "%s, adaptive, tolerance %s rad per step, renormalised; the whole "
                + "step on %s (%s precision, demag by %s)", DP.name(), tolerance, GpuDevices.describe(target),
                precision.key(), demagName);
    }

    /**
     * @param field an effective field
     * @return the terms the device step has no kernel for (empty: it takes the whole field)
     */
    public static List<String> unsupported(EffectiveField field) {
        List<String> out = new ArrayList<>(LlgArrays.unsupported(field));
        DemagTerm demag = null;
        for (FieldTerm t : field.terms()) {
            if (t instanceof DemagTerm d) {
                demag = d;
            }
        }
        if (demag == null) {
            out.add("a field without demag (the step is built around the demag kernel)");
        } else if (surrogate(field) == null && grid(field) == null && !directAmongDomains(demag.method())) {
            out.add("demag by " + demag.method().describe());
        }
        return out;
    }

    /** @return the CPU far-field surrogate among the domains, by transforms, behind the field's demag, or null */
    private static FarFieldSurrogate surrogate(EffectiveField field) {
        for (FieldTerm t : field.terms()) {
            if (t instanceof DemagTerm d) {
                FarFieldSurrogate s = d.method() instanceof FarFieldSurrogate f ? f
                        : d.method() instanceof GpuNufftSurrogate g ? g.cpu() : null;
                if (s != null && GpuNufftSurrogate.supports(s) && s.sources() == s.targets()) {
                    return s;
                }
            }
        }
        return null;
    }

    /** @return the CPU convolution of a one-layer grid behind the field's demag (itself or a device copy's), or null */
    private static FftDemag grid(EffectiveField field) {
        for (FieldTerm t : field.terms()) {
            if (t instanceof DemagTerm d) {
                FftDemag f = d.method() instanceof FftDemag c ? c : d.method() instanceof GpuGridDemag g ? g.cpu() : null;
                if (f != null && GpuGridDemag.supports(f)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Whether a demag is the exact direct sum among the domains (the device's {@link DirectSumKernelF}). */
    private static boolean directAmongDomains(org.hypermag.solver.demag.DemagField d) {
        return d instanceof DirectDemag || d instanceof GpuDirectSum g && g.amongTheDomains();
    }

    /**
     * Uploads a state (unit vectors) as the current one; the next step starts from it.
     *
     * @param m the magnetisation
     */
    public void upload(VectorField m) {
        dev.states(current, 3 * n - current, 0);
        dev.putState(m.x, m.y, m.z);
        k0Valid = false;
        denseStep = Double.NaN;
    }

    /**
     * Keeps a host copy of the state: after every accepted step m is downloaded into it (the array of both states, 6N
     * numbers per step; what outputs by dense interpolation need, whose run saves its position at every step).
     *
     * @param m the host copy, or null for none
     */
    public void mirrorInto(VectorField m) {
        mirror = m;
    }

    @Override
    public boolean canInterpolate() {
        return !Double.isNaN(denseStep);
    }

    @Override
    public void interpolate(double theta, VectorField out) {
        if (Double.isNaN(denseStep)) {
            throw new IllegalStateException("no step to interpolate in (after an accepted step only)");
        }
        for (int k = 0; k < 6; k++) {
            denseOffsets[k] = slot[DENSE_STAGES[k]] * 3 * n;
        }
        dev.states(current, 3 * n - current, 0);
        dev.interpolate(theta, denseStep, denseD, denseOffsets, out.x, out.y, out.z);
    }

    /**
     * Downloads the current state.
     *
     * @param m receives the magnetisation
     */
    public void download(VectorField m) {
        dev.states(current, 3 * n - current, 0);
        dev.getState(m.x, m.y, m.z);
    }

    /**
     * Downloads dm/dt at the current state (after a step: the first-same-as-last stage).
     *
     * @param dmdt receives dm/dt (1/s)
     */
    public void downloadDerivative(VectorField dmdt) {
        dev.getDerivative(slot[0] * 3 * n, dmdt.x, dmdt.y, dmdt.z);
    }

    /** @return max |m × H| (A/m) at the end of the last accepted step */
    public double lastMaxTorque() {
        return lastMaxTorque;
    }

    /** @return right-hand-side evaluations so far */
    @Override
    public long evaluations() {
        return evaluations;
    }

    /** @return rejected steps so far */
    @Override
    public long rejectedSteps() {
        return rejected;
    }

    /** @return accepted steps so far */
    @Override
    public long acceptedSteps() {
        return accepted;
    }

    @Override
    public double proposedStep() {
        return nextStep;
    }

    /**
     * Sets the step the controller proposes next, e.g. when continuing from a checkpoint.
     *
     * @param dt the step (s); NaN lets the stepper choose its first step
     */
    @Override
    public void setProposedStep(double dt) {
        nextStep = dt;
    }

    @Override
    public double controllerMemory() {
        return previousError;
    }

    @Override
    public void setControllerMemory(double error) {
        previousError = error;
    }

    /** @return where the kernel is meant to run and where it ran */
    public KernelPlacement placement() {
        return placement;
    }

    @Override
    public void reset() {
        k0Valid = false;
        denseStep = Double.NaN;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Evaluates stage s at time t from the device's stage buffer. */
    private void evaluate(double t, int s) {
        dev.demag();
        parts.applied(t, field);
        dev.applied(field);
        dev.states(current, 3 * n - current, slot[s] * 3 * n);
        dev.launch(LlgPassesF.LOCAL);
        evaluations++;
    }

    private void combination(int count, double dt, double[] w) {
        for (int j = 0; j < count; j++) {
            weights[j] = dt * w[j];
            offsets[j] = slot[j] * 3 * n;
        }
        dev.combination(count, weights, offsets);
    }

    @Override
    public double step(double t, double dtLimit) {
        if (!(dtLimit > 0)) {
            throw new IllegalArgumentException("step limit must be > 0 s, got " + dtLimit);
        }
        if (!k0Valid) {
            dev.states(current, 3 * n - current, 0);
            combination(0, 0, weights);
            dev.launch(LlgPassesF.COMBINE);
            evaluate(t, 0);
            k0Valid = true;
            if (Double.isNaN(nextStep)) {
                nextStep = initialStep();
            }
        }
        double dt = Math.min(Math.min(nextStep, maxStep), dtLimit);
        denseStep = Double.NaN;
        boolean retried = false;
        while (true) {
            for (int s = 1; s < 6; s++) {
                combination(s, dt, DP.a()[s]);
                dev.states(current, 3 * n - current, 0);
                dev.launch(LlgPassesF.COMBINE);
                evaluate(t + DP.c()[s] * dt, s);
            }
            combination(6, dt, DP.b());
            dev.states(current, 3 * n - current, 0);
            dev.launch(LlgPassesF.FINAL);
            evaluate(t + dt, 6);
            combination(7, dt, errorWeights);
            dev.maxima(max);
            double err = max[0];
            placement.check();
            if (err <= tolerance) {
                accepted++;
                lastMaxTorque = max[1];
                nextStep = StepControl.nextStep(dt, nextStep, err, tolerance, exponent, previousError, retried);
                previousError = StepControl.memory(err, tolerance);
                current = 3 * n - current;
                int k0 = slot[0];
                slot[0] = slot[6];
                slot[6] = k0;
                denseStep = dt;
                if (mirror != null) {
                    download(mirror);
                }
                return dt;
            }
            rejected++;
            retried = true;
            boolean bad = !Double.isFinite(err);
            dt *= StepControl.rejectedFactor(err, tolerance, exponent, bad);
            if (dt < RungeKuttaStepper.DEFAULT_MIN_STEP) {
                throw bad ? new IntegrationException(IntegrationException.Reason.NON_FINITE, t, -1,
                        "non-finite magnetisation or torque on the device in the step from t = " + t + " s; the "
                                + "state at t is kept")
                        : new IntegrationException(IntegrationException.Reason.STEP_TOO_SMALL, t, -1, "time step fell "
                                + "below " + RungeKuttaStepper.DEFAULT_MIN_STEP + " s at t = " + t + " s (error "
                                + "estimate " + err + " rad, tolerance " + tolerance + " rad); the state at t is kept");
            }
            nextStep = dt;
        }
    }

    /** The CPU stepper's first step: 0.01 rad at the largest |dm/dt| (one download, before the first step). */
    private double initialStep() {
        VectorField k0 = new VectorField(n);
        downloadDerivative(k0);
        double max2 = 0;
        for (int i = 0; i < n; i++) {
            max2 = Math.max(max2, k0.x[i] * k0.x[i] + k0.y[i] * k0.y[i] + k0.z[i] * k0.z[i]);
        }
        return StepControl.firstStep(Math.sqrt(max2), RungeKuttaStepper.DEFAULT_MIN_STEP, maxStep);
    }
}
