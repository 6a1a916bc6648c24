/**
 * The models of the additive-hypernetwork paper ("Scalable physical source-to-field inference with hypernetworks":
 * Eq. 5 additive form, §3.2 FOURIER, §3.3 FC + ILR, the LINEAR baseline and the Eq. 10 metric), trained in Java on
 * exact prism potentials and fields ({@link org.hypermag.solver.demag.PrismPotential},
 * {@link org.hypermag.solver.demag.PrismTensor}).
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link org.hypermag.surrogate.paper.Settings#defaults(String)} — the default settings of
 *   {@code linear}, {@code fourier} or {@code fc-ilr}; {@code withX} methods change them.</li>
 *   <li>{@link org.hypermag.surrogate.paper.PaperModels#train(String, Settings, java.util.function.Consumer)} —
 *   generates single-source data and trains; progress lines (epoch, losses, ETA) go to the consumer.</li>
 *   <li>{@link org.hypermag.surrogate.paper.PaperModel} — {@code represent(prisms, mx, my, mz)} (the summed
 *   coefficients), {@code evaluate(representation, px, py, phi, hx, hy, hz)}, {@code field(...)},
 *   {@code potential(...)}; {@code toFile(report)} / {@code fromFile(modelFile, path)} with
 *   {@link org.hypermag.output.ModelFile}.</li>
 *   <li>{@link org.hypermag.surrogate.paper.PaperProtocol#evaluate(PaperModel, long)} — Eq. 10 errors on
 *   out-of-sample single-source and 2–20-source test sets, as a {@link org.hypermag.surrogate.paper.PaperProtocol.Report}
 *   with a Markdown {@code tableRow()}.</li>
 *   <li>{@link org.hypermag.surrogate.paper.Sampling} — the original protocol's sampling ({@code PAPER}, thickness
 *   uniform in [0.1, 1]) or its fixed-thickness variant (same seeds and streams); {@code evaluate(model, seed,
 *   sampling)} and {@code PaperModels.train(name, settings, sampling, progress)} take it.</li>
 *   <li>{@link org.hypermag.surrogate.paper.FarFieldPaperProtocol} — the same protocol (Eq. 10 Δ_H; Δ_φ n/a) for the
 *   far-field model: one model fitted for the sampled size range and the domain, evaluated on the fixed-thickness
 *   variant; the original protocol is rejected with the model's reason.</li>
 *   <li>{@link org.hypermag.surrogate.paper.PaperModelDemag} — a trained model as the demagnetising field among
 *   a scenario's domains (a {@link org.hypermag.solver.demag.DemagField}), with the check of what it can represent
 *   and the length unit that fits domains; {@code PaperModel.withScales} sets a trained model's units.</li>
 *   <li>{@link org.hypermag.surrogate.paper.PaperTable} — a main class that trains all three models with their
 *   defaults and prints the Table-2-like report.</li>
 * </ul>
 *
 * <h2>Geometry and units</h2>
 * A thin film in the plane z = 0: sources are axis-aligned prisms centred in that plane, points lie in it. The
 * domain is [−3, 3]² in units of {@link org.hypermag.surrogate.paper.Settings#lengthUnit()} (default 10 nm), sources
 * have in-plane sides 0.5–2 and thickness 0.1–1 units. At the API lengths are in m, M and H in A/m, φ in A.
 *
 * <h2>Model file layout ({@code layout = "hypermag-paper-model/1"})</h2>
 * Root attribute {@code model} = the model's name; text attributes {@code layout}, {@code setting.*} (every
 * {@link org.hypermag.surrogate.paper.Settings} component), {@code training.*} (method, sampling, epochs, losses,
 * seconds, parameter count) and optionally {@code accuracy.metric}, {@code accuracy.seed},
 * {@code accuracy.sampling}; numeric attributes
 * {@code accuracy.single_phi}, {@code accuracy.single_H}, {@code accuracy.multi_phi}, {@code accuracy.multi_H}
 * (fractions); dataset {@code parameters} (1 × n float64): all parameters in the model's flat order (hypernetwork
 * weights row-major then biases, layer by layer; for fc-ilr followed by the basis network in the same form).
 */
package org.hypermag.surrogate.paper;
