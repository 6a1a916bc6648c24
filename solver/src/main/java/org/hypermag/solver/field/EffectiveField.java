package org.hypermag.solver.field;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.VectorField;

/**
 * The effective field H_eff = Σ terms, and the energies of the terms. Owns one scratch buffer; not thread-safe.
 */
public final class EffectiveField {
    private final FieldTerm[] terms;
    private final VectorField scratch;

    /**
     * @param size number of domains
     * @param terms the terms (nulls are skipped, so optional terms can be passed as built)
     */
    public EffectiveField(int size, FieldTerm... terms) {
        List<FieldTerm> list = new ArrayList<>();
        for (FieldTerm t : terms) {
            if (t != null) {
                list.add(t);
            }
        }
        this.terms = list.toArray(new FieldTerm[0]);
        scratch = new VectorField(size);
    }

    /** @return the terms, in evaluation order */
    public List<FieldTerm> terms() {
        return List.of(terms);
    }

    /** @return the number of domains */
    public int size() {
        return scratch.size();
    }

    /**
     * Computes H_eff (overwrites h).
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param h receives H_eff (A/m)
     */
    public void compute(double t, VectorField m, VectorField h) {
        h.clear();
        for (FieldTerm term : terms) {
            term.addField(t, m, h);
        }
    }

    /**
     * Computes H_eff without the random terms ({@link StochasticField}), overwriting h: the deterministic field.
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param h receives the deterministic part of H_eff (A/m)
     */
    public void computeDeterministic(double t, VectorField m, VectorField h) {
        h.clear();
        for (FieldTerm term : terms) {
            if (!(term instanceof StochasticField)) {
                term.addField(t, m, h);
            }
        }
    }

    /**
     * Computes H_eff and its long-range part ({@link FieldTerm#isLongRange}, the demagnetising field) in one pass over
     * the terms, for a partitioned integrator (overwrites both buffers). The random terms are left out, as in
     * {@link #computeDeterministic}.
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param h receives the deterministic H_eff (A/m): the long-range part plus the local terms
     * @param longRange receives the long-range part alone (A/m)
     */
    public void computeSplit(double t, VectorField m, VectorField h, VectorField longRange) {
        longRange.clear();
        for (FieldTerm term : terms) {
            if (term.isLongRange()) {
                term.addField(t, m, longRange);
            }
        }
        h.setFrom(longRange);
        addLocal(t, m, h);
    }

    /**
     * Computes the local part of H_eff: every deterministic term but the long-range ones (overwrites h).
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param h receives H_eff less its long-range and random parts (A/m)
     */
    public void computeLocal(double t, VectorField m, VectorField h) {
        h.clear();
        addLocal(t, m, h);
    }

    private void addLocal(double t, VectorField m, VectorField h) {
        for (FieldTerm term : terms) {
            if (!term.isLongRange() && !(term instanceof StochasticField)) {
                term.addField(t, m, h);
            }
        }
    }

    /**
     * Computes each term's own field (overwrites the buffers).
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param perTerm one buffer per term, in {@link #terms()} order
     */
    public void computeTerms(double t, VectorField m, VectorField[] perTerm) {
        for (int k = 0; k < terms.length; k++) {
            perTerm[k].clear();
            terms[k].addField(t, m, perTerm[k]);
        }
    }

    /**
     * Computes H_eff (overwrites h) and the energy of each term in the same pass.
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param h receives H_eff (A/m)
     * @param energies receives the energy of term k at index k (J); length &ge; number of terms
     */
    public void compute(double t, VectorField m, VectorField h, double[] energies) {
        h.clear();
        for (int k = 0; k < terms.length; k++) {
            scratch.clear();
            terms[k].addField(t, m, scratch);
            energies[k] = terms[k].energy(t, m, scratch);
            double[] sx = scratch.x, sy = scratch.y, sz = scratch.z;
            for (int i = 0; i < sx.length; i++) {
                h.x[i] += sx[i];
                h.y[i] += sy[i];
                h.z[i] += sz[i];
            }
        }
    }
}
